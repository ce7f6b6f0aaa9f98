#!/bin/busybox sh
# The tiny guest's whole userland (busybox): bring up virtio, apply the cloud-init NoCloud seed
# (hostname, static IP, password or SSH key), and say on the serial console who it is.
/bin/busybox --install -s /bin
export PATH=/bin
mkdir -p /proc /sys /dev /tmp /seed /root /etc
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for module in $(cat /etc/modules); do
  insmod "/lib/modules/$module.ko" 2>/dev/null
done

# The KVM canary boots this kernel directly and only needs to know that userspace was reached.
case " $(cat /proc/cmdline) " in
  *" minicloud.canary "*) echo "MINICLOUD-CANARY-OK"; poweroff -f ;;
esac

# virtio disks appear asynchronously after their driver loads.
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  [ -b /dev/vda ] && break
  sleep 0.1
done
mdev -s 2>/dev/null

# Values in the seed are double-quoted YAML scalars: take the quotes and escapes off.
unquote() {
  sed 's/^"\(.*\)"$/\1/; s/\\"/"/g; s/\\\\/\\/g'
}

hostname=tiny
address=
login=none
# NoCloud: the seed is any filesystem labelled cidata (an ISO 9660 volume here).
for device in /dev/vd* /dev/sr*; do
  [ -b "$device" ] || continue
  # busybox-static has no blkid: read the ISO 9660 volume id (sector 16, byte 40) directly.
  case "$(dd if="$device" bs=1 skip=32808 count=6 2>/dev/null)" in
    cidata|CIDATA) mount -t iso9660 -o ro "$device" /seed 2>/dev/null && break ;;
  esac
done
if [ -f /seed/meta-data ]; then
  name=$(sed -n 's/^local-hostname:[[:space:]]*//p' /seed/meta-data | head -n 1 | unquote)
  [ -n "$name" ] && hostname=$name
fi
if [ -f /seed/network-config ]; then
  address=$(grep -o '[0-9]\{1,3\}\(\.[0-9]\{1,3\}\)\{3\}/[0-9]\{1,2\}' /seed/network-config | head -n 1)
  gateway=$(sed -n 's/^[[:space:]]*gateway4:[[:space:]]*//p' /seed/network-config | head -n 1 | unquote)
fi
if [ -f /seed/user-data ]; then
  # Proves the guest read the credential without printing it: a short SHA-256 of what it found.
  password=$(sed -n 's/^password:[[:space:]]*//p' /seed/user-data | head -n 1 | unquote)
  key=$(sed -n '/^ssh_authorized_keys:/,/^[^ ]/s/^  - //p' /seed/user-data | head -n 1 | unquote)
  sed -n '/^runcmd:/,/^[^ ]/s/^  - //p' /seed/user-data | unquote > /tmp/runcmd
  if [ -n "$password" ]; then
    login="password:$(printf '%s' "$password" | sha256sum | cut -c1-12)"
    # The portal sends only a SHA-512 crypt hash; cloud-init takes either, and so does this.
    case "$password" in
      '$6$'*) echo "root:$password" | chpasswd -e 2>/dev/null ;;
      *) echo "root:$password" | chpasswd 2>/dev/null ;;
    esac
  elif [ -n "$key" ]; then
    login="ssh-key:$(printf '%s' "$key" | sha256sum | cut -c1-12)"
    mkdir -p /root/.ssh && echo "$key" > /root/.ssh/authorized_keys
  fi
fi

hostname "$hostname"
ip link set lo up
ip link set eth0 up 2>/dev/null
if [ -n "$address" ]; then
  ip addr add "$address" dev eth0
  [ -n "$gateway" ] && ip route add default via "$gateway"
fi
echo "MINICLOUD-BOOTED hostname=$hostname ip=${address%/*} login=$login"
# The screen (what the browser console shows) greets too.
printf '\nminicloud tiny-linux\nMINICLOUD-BOOTED hostname=%s ip=%s\n' "$hostname" "${address%/*}" > /dev/tty1 2>/dev/null

# cloud-init's runcmd, once, each command's status on the console.
if [ -s /tmp/runcmd ]; then
  while IFS= read -r command; do
    output=$(sh -c "$command" 2>&1)
    echo "MINICLOUD-RUN status=$? command=$command"
    echo "$output"
  done < /tmp/runcmd
fi

# A graceful stop: ACPI's power button (an input device) powers the guest off, as a real OS would.
for device in /sys/class/input/event*; do
  if [ "$(cat "$device/device/name" 2>/dev/null)" = "Power Button" ]; then
    (dd if="/dev/${device#/sys/class/}" bs=24 count=1 >/dev/null 2>&1 && echo "MINICLOUD-POWER-BUTTON" && poweroff -f) &
  fi
done

# A shell on the serial console for whoever opens it; the kernel answers ping by itself.
while true; do
  setsid cttyhack sh
done
