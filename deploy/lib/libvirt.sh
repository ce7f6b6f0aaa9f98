# libvirtd and virtlogd for the local compute node, started directly (no systemd here).
# shellcheck shell=bash

LIBVIRT_URI=qemu:///system
LIBVIRT_LOG=$LOG_DIR/libvirtd.log
LIBVIRT_MARK=$RUN_DIR/libvirtd.started-by-minicloud

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

libvirt_start() {
  libvirt_install_hook
  libvirt_healthy >/dev/null 2>&1 && return
  say "starting virtlogd and libvirtd"
  pgrep -x virtlogd >/dev/null || virtlogd -d || die "virtlogd did not start"
  daemonize "$RUN_DIR/libvirtd.pid" "$LIBVIRT_LOG" libvirtd
  touch "$LIBVIRT_MARK"
  wait_until 60 libvirtd "$LIBVIRT_LOG" "$RUN_DIR/libvirtd.pid" libvirt_healthy
}

libvirt_stop() {
  # Only a libvirtd this script started is ours to stop.
  [ -f "$LIBVIRT_MARK" ] || return 0
  stop_pid "$RUN_DIR/libvirtd.pid" libvirtd
  rm -f "$LIBVIRT_MARK"
}

libvirt_status() {
  if libvirt_healthy >/dev/null 2>&1; then echo "running ($LIBVIRT_URI)"; else echo "stopped"; fi
}

# Guests and networks that earlier test runs left on this machine's node: the test cloud takes
# segments 15000000-15999999 (portal-web/pom.xml, it.segment.range) and its database is new at
# every run, so whatever sits on those segments now is a leftover. Removed before the next run.
libvirt_reap_test_leftovers() {
  local net dom
  for net in $(virsh -q -c qemu:///system net-list --all --name | grep '^mcnet-'); do
    virsh -c qemu:///system net-dumpxml "$net" | grep -q "<bridge name='mcbrx15[0-9]\{6\}'" || continue
    for dom in $(virsh -q -c qemu:///system list --all --name); do
      virsh -c qemu:///system domiflist "$dom" 2>/dev/null | grep -qw "$net" || continue
      virsh -c qemu:///system destroy "$dom" >/dev/null 2>&1 || true
      virsh -c qemu:///system undefine "$dom" --remove-all-storage >/dev/null 2>&1 || true
    done
    virsh -c qemu:///system net-destroy "$net" >/dev/null 2>&1 || true
    virsh -c qemu:///system net-undefine "$net" >/dev/null 2>&1 || true
  done
}
