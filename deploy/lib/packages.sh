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
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  [ -x "$JAVA25_HOME/bin/java" ] || die "Java 25 not found at $JAVA25_HOME; install a JDK 21+ and set MINICLOUD_JAVA_HOME"
}

# What only the tests need: sshd, for deploy/compute/prepare-node's test (which runs its own).
# Installed without starting Debian's, and not enabled at boot: no sshd is left listening here.
TEST_PACKAGES=(openssh-server)

ensure_test_packages() {
  local missing=() package placed=
  for package in "${TEST_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# deploy/minicloud: no daemon starts while test packages install\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    placed=1
  fi
  local installed=0
  (apt_install "${missing[@]}") && installed=1
  [ -z "$placed" ] || rm -f /usr/sbin/policy-rc.d
  [ "$installed" = 1 ] || die "installing ${missing[*]} failed; see $LOG_DIR/apt.log"
  if [ -d /run/systemd/system ]; then
    systemctl disable --now ssh.service ssh.socket >/dev/null 2>&1 || true
  fi
}

apt_install() {
  [ "$(id -u)" = 0 ] || die "installing $* needs root; run as root"
  say "installing Debian packages: $*"
  apt-get update -qq >>"$LOG_DIR/apt.log" 2>&1 || die "apt-get update failed; see $LOG_DIR/apt.log"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
    >>"$LOG_DIR/apt.log" 2>&1 || die "installing packages failed; see $LOG_DIR/apt.log"
}
