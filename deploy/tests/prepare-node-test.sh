#!/usr/bin/env bash
# deploy/compute/prepare-node, end to end against the network-namespace node (test-node.sh): an
# sshd runs in the node's namespace with the node's own /etc/libvirt, /run/libvirt and /root,
# so the script's remote half prepares that node and nothing of this machine; its local half runs
# in a private mount namespace with a scratch /root and /etc/ssh (an admin who has connected
# to the node once) and a scratch state directory, as an unprivileged portal user (nobody).
# Checked: the node's hook, libvirtd settings (its own host UUID kept) and root's keys; the portal
# user reaching the node's libvirtd over qemu+ssh with its key (the script checks it, and so does
# this after libvirtd restarted with the new settings); a second run changing nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
node=/tmp/minicloud-node-prep
netns=mcnode2
scratch=$(mktemp -d)
chmod 711 "$scratch"

made_run_sshd=
cleanup() {
  if [ -f "$node/sshd.pid" ]; then kill "$(cat "$node/sshd.pid")" 2>/dev/null || true; fi
  [ -z "$made_run_sshd" ] || rmdir /run/sshd 2>/dev/null || true
  deploy/compute/test-node.sh down "$node" >/dev/null 2>&1 || true
  rm -rf "$scratch" "$node"
}
trap cleanup EXIT
fail() { echo "prepare-node test: $*" >&2; exit 1; }
[ -x /usr/sbin/sshd ] || fail "no sshd: install openssh-server (deploy/minicloud test does)"
# The node shares this machine's packages: were one missing, the script would install it here.
for package in libvirt-daemon-system libvirt-daemon-config-nwfilter qemu-system-x86 qemu-utils nftables; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || fail "$package is not installed here"
done

deploy/compute/test-node.sh up "$node" >/dev/null
node_uuid=$(sed -n 's/^host_uuid = "\(.*\)"$/\1/p' "$node/etc/libvirtd.conf")
# Home directories of root: the node's, and the admin's here.
[ -d /run/sshd ] || made_run_sshd=1
mkdir -p "$node/root/.ssh" "$scratch/root/.ssh" "$scratch/etc-ssh" "$node/no-systemd" /run/sshd
chmod 700 "$node/root" "$node/root/.ssh" "$scratch/root" "$scratch/root/.ssh"
cp -a /etc/ssh/. "$scratch/etc-ssh/"
ssh-keygen -q -t ed25519 -N '' -f "$node/ssh_host_ed25519_key"
ssh-keygen -q -t ed25519 -N '' -f "$scratch/root/.ssh/id_ed25519"
cp "$scratch/root/.ssh/id_ed25519.pub" "$node/root/.ssh/authorized_keys"
chmod 600 "$node/root/.ssh/authorized_keys"
# sshd's own settings, none of this machine's
cat > "$node/sshd_config" <<CONF
ListenAddress 10.99.0.2
HostKey $node/ssh_host_ed25519_key
PidFile $node/sshd.pid
PermitRootLogin prohibit-password
PasswordAuthentication no
UsePAM no
CONF

# The node's sshd: its sessions see the node's libvirt and root's keys, as on a machine of its own,
# and no systemd (on a host that has one, the script would otherwise restart the host's libvirtd).
ip netns exec "$netns" unshare --mount --propagation private sh -c "
  mount --bind $node/run /run/libvirt
  mount --bind $node/etc /etc/libvirt
  mount --bind $node/root /root
  if [ -d /run/systemd ]; then mount --bind $node/no-systemd /run/systemd; fi
  exec /usr/sbin/sshd -D -e -f $node/sshd_config
" </dev/null >"$node/sshd.log" 2>&1 &
for _ in $(seq 1 50); do
  (echo >/dev/tcp/10.99.0.2/22) 2>/dev/null && break
  sleep 0.2
done
(echo >/dev/tcp/10.99.0.2/22) 2>/dev/null || fail "the node's sshd did not start: $(cat "$node/sshd.log")"

# The admin's side: connected to the node once (its host key known), then the script, twice.
unshare --mount --propagation private bash -c "
  set -euo pipefail
  mount --bind $scratch/root /root
  mount --bind $scratch/etc-ssh /etc/ssh
  ssh -o StrictHostKeyChecking=accept-new -o BatchMode=yes root@10.99.0.2 true
  export MINICLOUD_STATE=$scratch/state MINICLOUD_PORTAL_USER=nobody
  deploy/compute/prepare-node --name prep-node --tunnel-address 10.99.0.2 root@10.99.0.2 > $scratch/first.log 2>&1
  deploy/compute/prepare-node --name prep-node --tunnel-address 10.99.0.2 root@10.99.0.2 > $scratch/second.log 2>&1
" || fail "prepare-node failed: $(cat "$scratch"/*.log 2>/dev/null)"

first=$(cat "$scratch/first.log")
second=$(cat "$scratch/second.log")
cmp -s deploy/compute/libvirt-network-hook "$node/etc/hooks/network" || fail "the node's network hook is not minicloud's"
grep -q '^max_client_requests = 32$' "$node/etc/libvirtd.conf" || fail "libvirtd's limits not written: $(cat "$node/etc/libvirtd.conf")"
[ "$(grep -c '^host_uuid' "$node/etc/libvirtd.conf")" = 1 ] && grep -q "^host_uuid = \"$node_uuid\"$" "$node/etc/libvirtd.conf" \
  || fail "the node's own host UUID was not kept alone: $(cat "$node/etc/libvirtd.conf")"
grep -qxF "$(cat "$scratch/state/node-ssh/id_ed25519.pub")" "$node/root/.ssh/authorized_keys" || fail "the portal's key is not let in"
[ "$(stat -c %U:%a "$scratch/state/node-ssh/id_ed25519")" = nobody:600 ] || fail "the portal's key is not the portal user's alone"
uri="qemu+ssh://root@10.99.0.2/system?keyfile=$scratch/state/node-ssh/id_ed25519"
grep -qF "\"uri\":\"$uri\",\"tunnelAddress\":\"10.99.0.2\"" <<< "$first" || fail "no call to add the node printed: $first"
grep -q "libvirtd.conf" <<< "$second" && fail "a second run wrote the settings again: $second"
grep -q "let in" <<< "$second" && fail "a second run let the key in again: $second"

# libvirtd restarted on the new settings (no systemd here: the script says so), the portal's user
# reaches it over SSH with its key, the node's host key trusted from the file every user reads.
grep -q "restart libvirtd yourself" <<< "$first" || fail "the script did not say libvirtd needs a restart: $first"
deploy/compute/test-node.sh stop-libvirtd "$node"
deploy/compute/test-node.sh start-libvirtd "$node" >/dev/null
answer=$(unshare --mount --propagation private bash -c "
  mount --bind $scratch/etc-ssh /etc/ssh
  runuser -u nobody -- virsh -c '$uri' capabilities
" 2>&1) || fail "the portal's user does not reach the node: $answer"
grep -q "<uuid>$node_uuid</uuid>" <<< "$answer" || fail "the answer is not the node's libvirtd's: $answer"
echo "prepare-node test: a namespace node prepared over SSH, reached by the portal's user with its key; a second run changed nothing"
