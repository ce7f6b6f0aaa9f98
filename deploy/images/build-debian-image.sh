#!/usr/bin/env bash
# Builds a minimal Debian 12 (bookworm) cloud image with cloud-init from Debian packages only and
# writes OUT/debian-12.qcow2. No loop device and no mount of the disk image: mmdebstrap builds
# the root filesystem as a directory, mkfs.ext4 -d writes it into partition 2 of a raw disk file,
# and partition 1 is a FAT partition with syslinux, the kernel and the initramfs (as in
# build-tiny-image.sh). Needs, besides what the cloud installs: mmdebstrap (and apt-get update
# run once). Usage: build-debian-image.sh OUT
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUT" >&2; exit 2; }
out=$(mkdir -p "$1" && cd "$1" && pwd)

fail() { echo "build-debian-image: $*" >&2; exit 1; }
step() { echo "[$(date +%T) +${SECONDS}s] $*"; }

[ "$(id -u)" -eq 0 ] || fail "must run as root (mmdebstrap's root mode chroots and mounts /proc)"
for tool in mmdebstrap sfdisk mkfs.fat mkfs.ext4 syslinux mcopy qemu-img; do
  command -v "$tool" >/dev/null || fail "$tool missing (apt-get install -y --no-install-recommends mmdebstrap syslinux mtools dosfstools fdisk e2fsprogs qemu-utils)"
done
mbr=/usr/lib/syslinux/mbr/mbr.bin
[ -f "$mbr" ] || fail "$mbr missing (apt-get install syslinux-common)"

packages=(
  linux-image-cloud-amd64 initramfs-tools systemd-sysv udev
  cloud-init cloud-guest-utils  # cloud-guest-utils: growpart, so the root grows with the disk
  ifupdown isc-dhcp-client iproute2  # ifupdown: cloud-init's first-choice (eni) network renderer
  openssh-server sudo
  libpam-systemd  # with dbus: SSH logins become logind sessions (XDG_RUNTIME_DIR, systemctl --user)
)
disk_size_mib=2048
boot_start_mib=1   # partition 1, FAT: syslinux, kernel, initramfs
root_start_mib=128 # partition 2, ext4: the root filesystem, up to the end of the disk

work=$(mktemp -d)
chmod 755 "$work" # so apt downloads as its unprivileged _apt user
cleanup() {
  # mmdebstrap unmounts what it mounted in the chroot; this only matters if it was killed midway.
  awk -v dir="$work/" 'index($2, dir) == 1 { print $2 }' /proc/mounts | sort -r | xargs -r -n 1 umount -l
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT
root=$work/root

# Debian's archive and security mirror, as this machine's apt is configured to reach them.
# shellcheck disable=SC2016 # $(...) are apt's format fields
debian_targets() { apt-get indextargets --format '$(ORIGIN) $(CODENAME) $(REPO_URI)'; }
targets=$(debian_targets)
# The origin comes from the downloaded Release files: a host whose lists were cleaned has none yet.
if ! grep -q '^Debian ' <<<"$targets"; then
  apt-get update -qq || fail "apt-get update failed: Debian's archive must be reachable"
  targets=$(debian_targets)
fi
archive=$(awk '$1 == "Debian" && $2 !~ /-security$/ { print $3; exit }' <<<"$targets")
security=$(awk '$1 == "Debian" && $2 ~ /-security$/ { print $3; exit }' <<<"$targets")
[ -n "$archive" ] || fail "no Debian archive in apt's sources (/etc/apt/sources.list*)"
sources=("deb $archive bookworm main" "deb $archive bookworm-updates main")
[ -z "$security" ] || sources+=("deb $security bookworm-security main")
step "bootstrapping bookworm from $archive into a directory"

# The root's device does not exist yet, so initramfs-tools is told its type (before the kernel
# comes in); otherwise the initramfs has no fsck for it.
# shellcheck disable=SC2016 # $1 is the chroot, expanded by mmdebstrap's hook shell
mmdebstrap --mode=root --format=directory --variant=minbase \
  --essential-hook='mkdir -p "$1/etc/initramfs-tools/conf.d" && echo FSTYPE=ext4 > "$1/etc/initramfs-tools/conf.d/root-fstype"' \
  --include="${packages[*]}" bookworm "$root" "${sources[@]}" 2>&1 \
  || fail "mmdebstrap failed"
step "root filesystem: $(du -sh "$root" | cut -f1)"

root_uuid=$(cat /proc/sys/kernel/random/uuid)
echo "UUID=$root_uuid / ext4 errors=remount-ro 0 1" > "$root/etc/fstab"
echo debian > "$root/etc/hostname"
printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' > "$root/etc/hosts"
: > "$root/etc/resolv.conf"
# C.UTF-8 is built in: with it set, cloud-init's locale module does not run locale-gen on first boot.
echo LANG=C.UTF-8 > "$root/etc/default/locale"
# Only the seed disk minicloud attaches: without this cloud-init probes EC2 and others for minutes.
# manage_etc_hosts: the instance's hostname resolves (sudo warns otherwise), other lines are kept.
cat > "$root/etc/cloud/cloud.cfg.d/90-minicloud.cfg" <<'EOF'
datasource_list: [ NoCloud, None ]
manage_etc_hosts: localhost
EOF
chroot "$root" systemctl enable --quiet serial-getty@ttyS0.service
# Each instance gets its own machine-id and SSH host keys on first boot (systemd, cloud-init).
: > "$root/etc/machine-id"
rm -f "$root/var/lib/dbus/machine-id" "$root"/etc/ssh/ssh_host_*
# mmdebstrap already emptied apt's lists and cache; the build's logs are of no use to an instance.
rm -rf "$root"/var/log/*.log "$root"/var/log/apt/*

step "writing the disk: partitions, syslinux, kernel and initramfs"
kernel=$(find "$root/boot" -name 'vmlinuz-*' | sort | tail -n 1)
initrd=$root/boot/initrd.img-${kernel##*/vmlinuz-}
if [ ! -f "$kernel" ] || [ ! -f "$initrd" ]; then fail "no kernel and initramfs in the root filesystem's /boot"; fi
cp "$kernel" "$work/vmlinuz"
cp "$initrd" "$work/initrd.img"
# net.ifnames=0: the NIC is eth0, the name minicloud's network-config uses (its key, as cloud-init
# renders it for ifupdown); console=ttyS0 last so it is /dev/console, where the serial getty runs.
cat > "$work/syslinux.cfg" <<EOF
SERIAL 0 115200
DEFAULT debian
PROMPT 0
TIMEOUT 1
LABEL debian
  KERNEL vmlinuz
  INITRD initrd.img
  APPEND root=UUID=$root_uuid ro net.ifnames=0 console=tty0 console=ttyS0,115200
EOF

disk=$work/disk.img
truncate -s "${disk_size_mib}M" "$disk"
sfdisk -q "$disk" <<EOF
start=$((boot_start_mib * 2048)), size=$(((root_start_mib - boot_start_mib) * 2048)), type=e, bootable
start=$((root_start_mib * 2048)), type=83
EOF
# Quiet unless it fails: it always warns that the partition is smaller than the file.
log=$(mkfs.fat -F 16 -n BOOT --offset $((boot_start_mib * 2048)) "$disk" $(((root_start_mib - boot_start_mib) * 1024)) 2>&1) \
  || fail "mkfs.fat failed: $log"
syslinux --offset $((boot_start_mib * 1024 * 1024)) --install "$disk"
dd if="$mbr" of="$disk" bs=440 count=1 conv=notrunc status=none
mcopy -i "$disk@@${boot_start_mib}M" "$work/vmlinuz" "$work/initrd.img" "$work/syslinux.cfg" ::/

step "writing the root filesystem into partition 2 (mkfs.ext4 -d)"
mkfs.ext4 -q -F -L debian-root -U "$root_uuid" -d "$root" -E offset=$((root_start_mib * 1024 * 1024)) \
  "$disk" "$((disk_size_mib - root_start_mib))M"

step "compressing to qcow2"
qemu-img convert -c -O qcow2 "$disk" "$out/debian-12.qcow2"
step "built $out/debian-12.qcow2 ($(du -h "$out/debian-12.qcow2" | cut -f1), virtual ${disk_size_mib} MiB), default user debian, in ${SECONDS}s"
