#!/usr/bin/env bash
# A second compute node on this machine, for tests: a network namespace joined to the host by a
# veth pair (host 10.99.0.1, node 10.99.0.2), with its own libvirtd and virtlogd on private
# mounts, reached as qemu+tcp://10.99.0.2/system, with minicloud's network hook installed.
# Usage: test-node.sh up|down|stop-libvirtd|start-libvirtd [STATE_DIR]
set -euo pipefail
command=${1:?up or down}
dir=${2:-/tmp/minicloud-node2}
netns=mcnode2
here=$(cd "$(dirname "$0")" && pwd)

# Stops the daemon a pid file names, only if that pid still is that daemon: a pid file left from
# an earlier run may name a process that reused the number since (pids wrap on a busy machine).
stop_daemon() {
  local file=$1 name=$2 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]; then
    kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  rm -f "$file"
}

down() {
  stop_daemon "$dir/run/libvirtd.pid" libvirtd
  stop_daemon "$dir/run/virtlogd.pid" virtlogd
  # Guests of the node die with its namespace's processes.
  for pid in $(ip netns pids "$netns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
  ip netns del "$netns" 2>/dev/null || true
  ip link del mcn2-host 2>/dev/null || true
}

up() {
  down
  rm -rf "$dir"
  mkdir -p "$dir"/{run,lib,etc/hooks,log/qemu,cache}
  ip netns add "$netns"
  ip link add mcn2-host type veth peer name mcn2-ns
  ip link set mcn2-ns netns "$netns"
  ip addr add 10.99.0.1/24 dev mcn2-host
  ip link set mcn2-host up
  ip netns exec "$netns" ip addr add 10.99.0.2/24 dev mcn2-ns
  ip netns exec "$netns" ip link set mcn2-ns up
  ip netns exec "$netns" ip link set lo up
  cat > "$dir/etc/libvirtd.conf" <<CONF
listen_tcp = 1
listen_tls = 0
auth_tcp = "none"
listen_addr = "10.99.0.2"
# its own host UUID: libvirt refuses to migrate a guest to "the same host" (this machine's SMBIOS UUID)
host_uuid = "$(cat /proc/sys/kernel/random/uuid)"
CONF
  # No cgroups to manage in a namespace sharing the host's.
  echo 'cgroup_controllers = [ ]' > "$dir/etc/qemu.conf"
  install -m 755 "$here/libvirt-network-hook" "$dir/etc/hooks/network"
  # libvirt's own network filters (clean-traffic on every tenant NIC), as Debian's
  # libvirt-daemon-config-nwfilter puts them on a real node
  cp -r /usr/share/libvirt/nwfilter "$dir/etc/nwfilter"
  start_libvirtd
}

# libvirtd (and virtlogd, if it is not running yet) inside the namespace, on the private mounts.
start_libvirtd() {
  ip netns exec "$netns" unshare --mount --propagation private sh -c "
    mount --bind $dir/run /run/libvirt
    mount --bind $dir/lib /var/lib/libvirt
    mount --bind $dir/etc /etc/libvirt
    mount --bind $dir/log /var/log/libvirt
    mount --bind $dir/cache /var/cache/libvirt
    [ -f /run/libvirt/virtlogd.pid ] && kill -0 \$(cat /run/libvirt/virtlogd.pid) 2>/dev/null \
      || virtlogd -d -p /run/libvirt/virtlogd.pid
    exec libvirtd --listen -p /run/libvirt/libvirtd.pid -f /etc/libvirt/libvirtd.conf
  " </dev/null >>"$dir/libvirtd.log" 2>&1 &
  for _ in $(seq 1 30); do
    virsh -c qemu+tcp://10.99.0.2/system version >/dev/null 2>&1 && { echo "qemu+tcp://10.99.0.2/system"; return; }
    sleep 1
  done
  echo "test-node: libvirtd in $netns did not come up; see $dir/libvirtd.log" >&2
  exit 1
}

stop_libvirtd() {
  stop_daemon "$dir/run/libvirtd.pid" libvirtd
}

case "$command" in
  up) up ;;
  down) down ;;
  stop-libvirtd) stop_libvirtd ;;
  start-libvirtd) start_libvirtd ;;
  *) echo "usage: test-node.sh up|down|stop-libvirtd|start-libvirtd [STATE_DIR]" >&2; exit 2 ;;
esac
