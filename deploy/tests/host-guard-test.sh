#!/usr/bin/env bash
# The network hook's host guard, proven by packets in network namespaces of its own (nothing of
# this machine's own networking is touched): a "guest" on a tenant bridge sends UDP to the host and
# through it to a machine beyond; neither arrives, also once the host's nftables ruleset is
# flushed, and each of the guard's two layers stops them alone. A control run with both layers
# off shows that the same packets do arrive then.
set -euo pipefail
cd "$(dirname "$0")/../.."
hook=$PWD/deploy/compute/libvirt-network-hook
host=mchg-host-$$ guest=mchg-guest-$$ beyond=mchg-beyond-$$
bridge=mcbrx9$((RANDOM % 1000))
scratch=$(mktemp -d)
cleanup() { for ns in "$host" "$guest" "$beyond"; do ip netns del "$ns" 2>/dev/null || true; done; rm -rf "$scratch"; }
trap cleanup EXIT
for ns in "$host" "$guest" "$beyond"; do ip netns add "$ns"; ip -n "$ns" link set lo up; done
in_host() { ip netns exec "$host" "$@"; }

# host: a tenant bridge with the guest on it, and a link to the machine beyond, which it routes to
in_host ip link add "$bridge" type bridge
in_host ip link set "$bridge" up
in_host ip link add port0 type veth peer name eth0 netns "$guest"
in_host ip link set port0 master "$bridge" up
in_host ip link add uplink type veth peer name eth0 netns "$beyond"
in_host ip addr add 203.0.113.1/24 dev uplink
in_host ip link set uplink up
in_host sysctl -qw net.ipv4.ip_forward=1
ip -n "$beyond" addr add 203.0.113.2/24 dev eth0
ip -n "$beyond" link set eth0 up
ip -n "$beyond" route add default via 203.0.113.1
# the guest: its own address, and the bridge as its router (a guest can address any MAC it sees)
ip -n "$guest" addr add 10.99.0.5/24 dev eth0
ip -n "$guest" link set eth0 up
ip -n "$guest" neigh add 10.99.0.1 lladdr "$(in_host cat "/sys/class/net/$bridge/address")" dev eth0 nud permanent
ip -n "$guest" route add default via 10.99.0.1

in_host "$hook" mcnet-guard-test started <<XML
<network><name>mcnet-guard-test</name><bridge name='$bridge'/>
<metadata><minicloud:segment xmlns:minicloud='urn:minicloud:network:1' owner='test' type='vxlan' id='9'/></metadata></network>
XML

# arrives NAMESPACE ADDRESS: whether a datagram the guest sends to ADDRESS reaches a socket there
arrives() {
  local ns=$1 address=$2 port=$((20000 + RANDOM % 10000))
  ip netns exec "$ns" python3 -c "
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('0.0.0.0', $port)); s.settimeout(2)
print('ready', flush=True)
try: s.recvfrom(100); print('arrived')
except socket.timeout: print('dropped')" > "$scratch/listener" &
  local listener=$!
  until grep -q ready "$scratch/listener"; do sleep 0.1; done
  for _ in 1 2 3; do ip netns exec "$guest" python3 -c "
import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('$address', $port))"; done
  wait "$listener"
  grep -q arrived "$scratch/listener"
}

passed=0 failed=0
check() {
  local expected=$1 what=$2 ns=$3 address=$4 outcome=dropped
  arrives "$ns" "$address" && outcome=arrived
  if [ "$outcome" = "$expected" ]; then passed=$((passed + 1)); echo "ok   $what"; else
    failed=$((failed + 1)); echo "FAIL $what: the packet $outcome"; fi
}
check dropped "a guest's packet to the host is dropped" "$host" 203.0.113.1
check dropped "a guest's packet routed through the host is dropped" "$beyond" 203.0.113.2
in_host sysctl -qw "net.ipv4.conf.$bridge.rp_filter=0"
check dropped "nftables alone drops a guest's packet to the host" "$host" 203.0.113.1
check dropped "nftables alone drops a guest's packet through the host" "$beyond" 203.0.113.2
in_host sysctl -qw "net.ipv4.conf.$bridge.rp_filter=1"
in_host nft flush ruleset
check dropped "with the ruleset flushed, a guest's packet to the host is still dropped" "$host" 203.0.113.1
check dropped "with the ruleset flushed, a guest's packet through the host is still dropped" "$beyond" 203.0.113.2
in_host sysctl -qw "net.ipv4.conf.$bridge.rp_filter=0"
check arrived "control: with neither layer, the packet to the host arrives" "$host" 203.0.113.1
check arrived "control: with neither layer, the packet through the host arrives" "$beyond" 203.0.113.2
echo "host guard tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
