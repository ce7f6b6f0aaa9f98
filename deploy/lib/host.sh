# The host as a normal Debian machine has it. Without udev (containers, minimal VMs) device nodes
# keep the kernel's 0600 root:root: QEMU, running as libvirt-qemu, then cannot open /dev/kvm and
# libvirt 9 re-probes QEMU on every call (a define took 31-56 s instead of 24 ms). Debian's udev
# rules give /dev/kvm, /dev/vhost-net and /dev/vhost-vsock to group kvm (0660) and /dev/net/tun
# to everyone (0666); libvirt-daemon-system puts libvirt-qemu in group kvm.
# shellcheck shell=bash

QEMU_USER=libvirt-qemu

host_prepare() {
  getent group kvm >/dev/null || groupadd --system kvm
  local device
  for device in /dev/kvm /dev/vhost-net /dev/vhost-vsock; do
    if [ -e "$device" ]; then
      chgrp kvm "$device" && chmod 0660 "$device"
    fi
  done
  if [ ! -e /dev/net/tun ]; then
    mkdir -p /dev/net && mknod -m 0666 /dev/net/tun c 10 200
  fi
  chmod 0666 /dev/net/tun
  if id "$QEMU_USER" >/dev/null 2>&1 && ! id -nG "$QEMU_USER" | grep -qw kvm; then
    usermod -a -G kvm "$QEMU_USER"
  fi
}

# Prints what is wrong with this host for running guests, one line each; nothing when all is well.
host_problems() {
  if [ -e /dev/kvm ] && id "$QEMU_USER" >/dev/null 2>&1 \
      && ! runuser -u "$QEMU_USER" -- sh -c 'test -r /dev/kvm && test -w /dev/kvm' 2>/dev/null; then
    echo "QEMU (user $QEMU_USER) cannot open /dev/kvm ($(stat -c '%a %U:%G' /dev/kvm)); libvirt then re-probes QEMU on every call and answers in seconds. Run 'deploy/minicloud up' (it sets /dev/kvm to 0660 root:kvm as udev would)."
  fi
  if [ -e /dev/net/tun ] && [ "$(stat -c %a /dev/net/tun)" != 666 ]; then
    echo "/dev/net/tun is $(stat -c '%a %U:%G' /dev/net/tun), not 0666 as udev makes it. Run 'deploy/minicloud up'."
  fi
}

# How long libvirt takes to define and undefine a trivial domain, in milliseconds: tens on a
# healthy host, seconds when QEMU's capabilities are probed again at every call.
host_define_millis() {
  local name=minicloud-define-probe-$$ start
  start=$(date +%s%N)
  virsh -q -c "$LIBVIRT_URI" define /dev/stdin >/dev/null 2>&1 <<XML || return 1
<domain type='qemu'><name>$name</name><memory unit='MiB'>64</memory><os><type arch='x86_64'>hvm</type></os></domain>
XML
  virsh -q -c "$LIBVIRT_URI" undefine "$name" >/dev/null 2>&1
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
