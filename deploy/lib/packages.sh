# System packages from Debian, installed only when missing (so a second run is fast).
# shellcheck shell=bash

PACKAGES=(
  mariadb-server mariadb-client
  libvirt-daemon-system libvirt-clients qemu-system-x86 qemu-utils dnsmasq-base
  chromium chromium-driver
  jq curl rsync iproute2 nftables iptables unzip openssl procps python3 git
  syslinux syslinux-common mtools dosfstools fdisk cpio xz-utils genisoimage
  mmdebstrap e2fsprogs
  fonts-wqy-microhei
)
# Tools that may come from elsewhere than Debian (Node's own packages bring npm): checked by command.
TOOL_PACKAGES=(mvn:maven npm:npm)

ensure_packages() {
  local missing=() package
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  for package in "${TOOL_PACKAGES[@]}"; do
    command -v "${package%%:*}" >/dev/null || missing+=("${package#*:}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "installing ${missing[*]} needs root; run as root"
    say "installing Debian packages: ${missing[*]}"
    apt-get update -qq >>"$LOG_DIR/apt.log" 2>&1 || die "apt-get update failed; see $LOG_DIR/apt.log"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
      >>"$LOG_DIR/apt.log" 2>&1 || die "installing packages failed; see $LOG_DIR/apt.log"
  fi
  [ -x "$JAVA25_HOME/bin/java" ] || die "Java 25 not found at $JAVA25_HOME; install a JDK 21+ and set MINICLOUD_JAVA_HOME"
}
