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
