#!/usr/bin/env bash
# Builds the tiny-linux guest image from Debian packages only: Debian's kernel, busybox-static
# and a few virtio modules in an initramfs, on a 16 MiB disk booted by syslinux with a serial
# console. Writes tiny-linux.qcow2 (the template), and its kernel and initramfs (for the KVM
# canary's direct boot) into OUT. Usage: build-tiny-image.sh OUT
set -euo pipefail
out=$(mkdir -p "$1" && cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
# What the guest needs; their dependencies are added, in load order, from each module's modinfo.
modules="virtio_pci virtio_net virtio_blk qemu_fw_cfg isofs button evdev"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

kernel_package=$(apt-cache depends linux-image-amd64 | sed -n 's/.*Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -n 1)
[ -n "$kernel_package" ] || { echo "build-tiny-image: no Debian kernel package found (apt-get update?)" >&2; exit 1; }
apt-get download -q "$kernel_package" busybox-static >/dev/null 2>&1 \
  || { echo "build-tiny-image: could not download $kernel_package and busybox-static" >&2; exit 1; }
mkdir debs
for deb in ./*.deb; do dpkg -x "$deb" debs; done

mkdir -p initramfs/bin initramfs/etc initramfs/lib/modules
cp debs/bin/busybox initramfs/bin/busybox
install -m 755 "$here/tiny-init.sh" initramfs/init
add_module() {
  local module=$1 file dependency
  grep -qx "$module" initramfs/etc/modules 2>/dev/null && return
  file=$(find debs/lib/modules -name "$module.ko*" | head -n 1)
  [ -n "$file" ] || { echo "build-tiny-image: module $module missing from $kernel_package" >&2; exit 1; }
  case "$file" in
    *.xz) xz -dc "$file" > "initramfs/lib/modules/$module.ko" ;;
    *) cp "$file" "initramfs/lib/modules/$module.ko" ;;
  esac
  for dependency in $(grep -a -o 'depends=[a-z0-9_,-]*' "initramfs/lib/modules/$module.ko" | head -n 1 | cut -d= -f2 | tr , ' '); do
    add_module "$dependency"
  done
  echo "$module" >> initramfs/etc/modules
}
for module in $modules; do
  add_module "$module"
done
(cd initramfs && find . | cpio -o -H newc --quiet | gzip -9) > initrd.gz
cp debs/boot/vmlinuz-* vmlinuz

cat > syslinux.cfg <<'CFG'
SERIAL 0 115200
DEFAULT tiny
TIMEOUT 1
LABEL tiny
  KERNEL vmlinuz
  INITRD initrd.gz
  APPEND console=ttyS0 quiet panic=-1
CFG

# One FAT partition from 1 MiB on, marked bootable, with syslinux's MBR in front of it.
truncate -s 16M disk.img
echo 'start=2048, type=c, bootable' | sfdisk -q disk.img
mkfs.fat -n TINYLINUX --offset 2048 disk.img 15360 >/dev/null
syslinux --offset $((2048 * 512)) --install disk.img
dd if=/usr/lib/syslinux/mbr/mbr.bin of=disk.img bs=440 count=1 conv=notrunc status=none
mcopy -i disk.img@@1M vmlinuz initrd.gz syslinux.cfg ::/

qemu-img convert -c -O qcow2 disk.img "$out/tiny-linux.qcow2"
cp vmlinuz "$out/tiny-linux.vmlinuz"
cp initrd.gz "$out/tiny-linux.initrd.gz"
echo "built $out/tiny-linux.qcow2 ($(du -h "$out/tiny-linux.qcow2" | cut -f1)) from $kernel_package"
