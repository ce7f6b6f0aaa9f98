# libvirtd and virtlogd for the local compute node, started directly (no systemd here).
# shellcheck shell=bash

LIBVIRT_URI=qemu:///system
LIBVIRT_LOG=$LOG_DIR/libvirtd.log
LIBVIRT_MARK=$RUN_DIR/libvirtd.started-by-minicloud
LIBVIRT_CONF=$STATE/libvirt/libvirtd.conf
# How many calls one client may have in flight: libvirtd's default is 5, past which it stops
# reading the connection (keepalives too) and drops it. The portal runs tasks on this node in
# parallel and bounds its own calls to one less than this (MINICLOUD_LOCAL_NODE_REQUESTS).
LIBVIRT_CLIENT_REQUESTS=32

libvirt_healthy() {
  virsh -c "$LIBVIRT_URI" version
}

LIBVIRT_HOOK=/etc/libvirt/hooks/network

# libvirtd reads its hooks when it starts: install ours first, and restart a libvirtd of ours
# that runs with an older one.
libvirt_install_hook() {
  if ! cmp -s "$REPO/deploy/compute/libvirt-network-hook" "$LIBVIRT_HOOK"; then
    mkdir -p "$(dirname "$LIBVIRT_HOOK")"
    install -m 755 "$REPO/deploy/compute/libvirt-network-hook" "$LIBVIRT_HOOK"
    if libvirt_healthy >/dev/null 2>&1; then
      if [ -f "$LIBVIRT_MARK" ]; then
        say "the network hook changed: restarting libvirtd"
        libvirt_stop
      else
        warn "installed a new $LIBVIRT_HOOK: restart libvirtd so that it takes effect"
      fi
    fi
  fi
}

# Our libvirtd's settings: libvirt's defaults but for the per-client and worker limits, and a
# read-write socket for root and the libvirt group (the portal's user), with no polkit (no D-Bus
# here to ask it).
libvirt_config() {
  cat <<CONF
# Written by deploy/minicloud: libvirt's defaults, but room for the portal's parallel calls and
# the socket the libvirt group's.
unix_sock_group = "libvirt"
unix_sock_rw_perms = "0770"
auth_unix_rw = "none"
max_client_requests = $LIBVIRT_CLIENT_REQUESTS
max_workers = $((LIBVIRT_CLIENT_REQUESTS + 8))
max_requests = $((LIBVIRT_CLIENT_REQUESTS * 2))
CONF
}

libvirt_start() {
  host_prepare
  libvirt_install_hook
  mkdir -p "$(dirname "$LIBVIRT_CONF")"
  if ! libvirt_config | cmp -s - "$LIBVIRT_CONF"; then
    libvirt_config > "$LIBVIRT_CONF"
    if libvirt_healthy >/dev/null 2>&1 && [ -f "$LIBVIRT_MARK" ]; then
      say "libvirtd's settings changed: restarting libvirtd"
      libvirt_stop
    fi
  fi
  libvirt_healthy >/dev/null 2>&1 && return
  say "starting virtlogd and libvirtd"
  pgrep -x virtlogd >/dev/null || virtlogd -d || die "virtlogd did not start"
  daemonize "$RUN_DIR/libvirtd.pid" "$LIBVIRT_LOG" libvirtd -f "$LIBVIRT_CONF"
  touch "$LIBVIRT_MARK"
  wait_until 60 libvirtd "$LIBVIRT_LOG" "$RUN_DIR/libvirtd.pid" libvirt_healthy
}

# The calls the portal may keep in flight on the local node: what our libvirtd allows, or
# libvirt's default for a libvirtd somebody else started.
libvirt_client_requests() {
  if [ -f "$LIBVIRT_MARK" ]; then echo "$LIBVIRT_CLIENT_REQUESTS"; else echo 5; fi
}

libvirt_stop() {
  # Only a libvirtd this script started is ours to stop.
  [ -f "$LIBVIRT_MARK" ] || return 0
  stop_pid "$RUN_DIR/libvirtd.pid" libvirtd
  rm -f "$LIBVIRT_MARK"
}

libvirt_status() {
  if ! libvirt_healthy >/dev/null 2>&1; then
    echo "stopped"
    return
  fi
  if [ -n "$(host_problems)" ]; then
    echo "running ($LIBVIRT_URI), but the host is misconfigured (below)"
    return
  fi
  local millis
  millis=$(host_define_millis || echo '?')
  if [ "$millis" != '?' ] && [ "$millis" -gt 2000 ]; then
    echo "running ($LIBVIRT_URI), SLOW: a define takes ${millis} ms (normally well under 1000); see $LIBVIRT_LOG"
  else
    echo "running ($LIBVIRT_URI), a define takes ${millis} ms"
  fi
}

# Guests and networks that earlier test runs left on this machine's node: the test cloud takes
# segments 15000000-15999999 (portal-web/pom.xml, it.segment.range) and its database is new at
# every run, so whatever sits on those segments now is a leftover. Removed before the next run.
libvirt_reap_test_leftovers() {
  libvirt_reap_leftovers 'mcbrx15[0-9]{6}'
}

# libvirt_reap_leftovers BRIDGES [DIR]: removes the tenant networks whose bridge name matches the
# regular expression BRIDGES, with every guest attached to one; and, given DIR, every guest with
# a disk in it and the storage pool kept there.
libvirt_reap_leftovers() {
  local bridges=$1 dir=${2:-} net dom pool
  local -a doomed=()
  libvirt_healthy >/dev/null 2>&1 || return 0
  for net in $(virsh -q -c "$LIBVIRT_URI" net-list --all --name | grep '^mcnet-'); do
    virsh -c "$LIBVIRT_URI" net-dumpxml "$net" | grep -Eq "<bridge name='$bridges'" || continue
    for dom in $(virsh -q -c "$LIBVIRT_URI" list --all --name); do
      virsh -c "$LIBVIRT_URI" domiflist "$dom" 2>/dev/null | grep -qw "$net" && doomed+=("$dom")
    done
    doomed+=("net:$net")
  done
  if [ -n "$dir" ]; then
    for dom in $(virsh -q -c "$LIBVIRT_URI" list --all --name); do
      virsh -c "$LIBVIRT_URI" domblklist "$dom" 2>/dev/null | grep -qF " $dir/" && doomed=("$dom" "${doomed[@]}")
    done
  fi
  for dom in "${doomed[@]}"; do
    if [ "${dom#net:}" != "$dom" ]; then
      virsh -c "$LIBVIRT_URI" net-destroy "${dom#net:}" >/dev/null 2>&1 || true
      virsh -c "$LIBVIRT_URI" net-undefine "${dom#net:}" >/dev/null 2>&1 || true
    else
      virsh -c "$LIBVIRT_URI" destroy "$dom" >/dev/null 2>&1 || true
      virsh -c "$LIBVIRT_URI" undefine "$dom" --remove-all-storage >/dev/null 2>&1 || true
    fi
  done
  [ -n "$dir" ] || return 0
  for pool in $(virsh -q -c "$LIBVIRT_URI" pool-list --all --name); do
    virsh -c "$LIBVIRT_URI" pool-dumpxml "$pool" 2>/dev/null | grep -qF "<path>$dir/" || continue
    virsh -c "$LIBVIRT_URI" pool-destroy "$pool" >/dev/null 2>&1 || true
    virsh -c "$LIBVIRT_URI" pool-undefine "$pool" >/dev/null 2>&1 || true
  done
}
