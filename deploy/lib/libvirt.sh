# libvirtd and virtlogd for the local compute node, started directly (no systemd here).
# shellcheck shell=bash

LIBVIRT_URI=qemu:///system
LIBVIRT_LOG=$LOG_DIR/libvirtd.log
LIBVIRT_MARK=$RUN_DIR/libvirtd.started-by-minicloud

libvirt_healthy() {
  virsh -c "$LIBVIRT_URI" version
}

libvirt_start() {
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
