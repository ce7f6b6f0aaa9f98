#!/usr/bin/env bash
# Tests of deploy/minicloud's own behaviour on bad input: each runs the real script against a
# throw-away state directory and checks the exit status and the message a person would read.
set -uo pipefail
cd "$(dirname "$0")/../.."

passed=0 failed=0
scratch=$(mktemp -d)
trap 'kill "${listener:-}" 2>/dev/null; rm -rf "$scratch"' EXIT

# expect fails|succeeds NAME EXPECTED-TEXT COMMAND...: the command must exit as said and say the text.
expect() {
  local outcome=$1 name=$2 expected=$3 output status
  shift 3
  output=$("$@" 2>&1)
  status=$?
  local exited_as_said=0
  if [ "$outcome" = fails ]; then [ "$status" -ne 0 ] && exited_as_said=1; else [ "$status" -eq 0 ] && exited_as_said=1; fi
  if [ "$exited_as_said" = 1 ] && grep -qF -- "$expected" <<<"$output"; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name (exit $status), expected to read: $expected"
    sed 's/^/     | /' <<<"$output"
  fi
}
expect_failure() { expect fails "$@"; }
expect_success() { expect succeeds "$@"; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

expect_failure "an unknown command is refused with the usage" "unknown command 'launch'" \
  deploy/minicloud launch

expect_failure "an unknown log is refused naming the ones there are" "try mariadb, keycloak, wildfly" \
  env MINICLOUD_STATE="$scratch/logs" deploy/minicloud logs nosuch

expect_failure "a log not written yet says what writes it" "no keycloak log in $scratch/logs yet" \
  env MINICLOUD_STATE="$scratch/logs" deploy/minicloud logs keycloak

port=$(free_port)
python3 -c "import socket,time; s=socket.socket(); s.bind(('127.0.0.1', $port)); s.listen(); time.sleep(120)" &
listener=$!
sleep 1
expect_failure "a taken port stops up naming the port and who holds it" "port $port is already in use by python3" \
  env MINICLOUD_STATE="$scratch/port" MINICLOUD_DB_PORT="$port" deploy/minicloud up

mkdir -p "$scratch/demo/keycloak" && echo demo > "$scratch/demo/keycloak/mode"
expect_failure "a demo cloud is not turned into a production one" "was made in demo mode" \
  env MINICLOUD_STATE="$scratch/demo" MINICLOUD_DEMO=0 deploy/minicloud up

expect_success "behind a proxy the portal's client redirects only to its sign-in page at the public address" '["https://cloud.example.com/sso/login"]' \
  env MINICLOUD_PUBLIC_URL=https://cloud.example.com/ bash -c '. deploy/lib/common.sh; SECRETS_DIR=$(mktemp -d); for p in mariadb keycloak wildfly; do . deploy/lib/$p.sh; done
    MINICLOUD_DEMO=0 keycloak_realm | jq -c ".clients[] | select(.clientId == \"minicloud-portal\") | .redirectUris"; rm -rf "$SECRETS_DIR"'

expect_success "the portal's tokens live as long as MINICLOUD_ROLE_REFRESH_SECONDS says" '"25"' \
  env MINICLOUD_ROLE_REFRESH_SECONDS=25 bash -c '. deploy/lib/common.sh; SECRETS_DIR=$(mktemp -d); for p in mariadb keycloak wildfly; do . deploy/lib/$p.sh; done
    keycloak_realm | jq -c ".clients[] | select(.clientId == \"minicloud-portal\") | .attributes[\"access.token.lifespan\"]"; rm -rf "$SECRETS_DIR"'

expect_failure "a token lifetime that is not a number of seconds is refused" "MINICLOUD_ROLE_REFRESH_SECONDS must be a number of seconds, not '1m'" \
  env MINICLOUD_ROLE_REFRESH_SECONDS=1m bash -c '. deploy/lib/common.sh; for p in mariadb keycloak wildfly; do . deploy/lib/$p.sh; done
    keycloak_realm'

expect_success "a log past 10 MiB is rotated when its daemon starts, three old ones kept" "big.log.1 big.log.2 big.log.3 " \
  bash -c '. deploy/lib/common.sh; cd "$(mktemp -d)"; for i in 1 2 3 4; do head -c 11M /dev/zero > big.log; rotate_log big.log; done
    ls big.log* | tr "\n" " "; echo; rm -f big.log*'

# When only the WAR of the built server differs from the installed one and the running server was
# started as it would be now, up redeploys it; any other difference restarts WildFly.
redeploy_or_restart() {
  local state=$scratch/redeploy
  MINICLOUD_STATE=$state bash -c '. deploy/lib/common.sh; for p in mariadb keycloak libvirt wildfly; do . deploy/lib/$p.sh; done
    ensure_dirs; WF_BUILT=$STATE/built
    mkdir -p "$WF_BUILT/standalone/deployments" "$WF_BUILT/standalone/configuration" "$WF_HOME"
    echo war1 > "$WF_BUILT/standalone/deployments/minicloud.war"; echo xml1 > "$WF_BUILT/standalone/configuration/standalone.xml"
    echo inputs1 > "$WF_BUILT/.minicloud-inputs"
    wildfly_build_mark > "$WF_HOME/.minicloud-build"; wildfly_release > "$WF_RELEASE_FILE"
    echo war2 > "$WF_BUILT/standalone/deployments/minicloud.war"
    wildfly_only_war_outdated && printf "redeploy;"
    MINICLOUD_PUBLIC_URL=https://cloud.example.com wildfly_only_war_outdated || printf "restart for another environment;"
    echo xml2 > "$WF_BUILT/standalone/configuration/standalone.xml"
    wildfly_only_war_outdated || printf "restart for another configuration;"'
}
expect_success "a new WAR alone is redeployed, other changes restart WildFly" \
  "redeploy;restart for another environment;restart for another configuration;" redeploy_or_restart

# A data directory that looks initialised but is empty: MariaDB starts, then dies.
mkdir -p "$scratch/broken/mariadb/data/mysql"
expect_failure "a component that fails to start is named with its log" \
  "MariaDB stopped while starting; see $scratch/broken/log/mariadb.log" \
  env MINICLOUD_STATE="$scratch/broken" MINICLOUD_DB_PORT="$(free_port)" deploy/minicloud up

# A host without udev: /dev/kvm as the kernel makes it. Status names the problem; setting the host
# up (what up and test do first) gives it to group kvm as Debian's udev rule does.
if [ -e /dev/kvm ]; then
  chown root:root /dev/kvm && chmod 0600 /dev/kvm
  expect_success "status says plainly that QEMU cannot open /dev/kvm" "cannot open /dev/kvm (600 root:root)" \
    env MINICLOUD_STATE="$scratch/status" deploy/minicloud status
  expect_success "the host is set up as udev would: /dev/kvm 0660 root:kvm" "660 root:kvm" \
    bash -c '. deploy/lib/common.sh && . deploy/lib/host.sh && host_prepare && stat -c "%a %U:%G" /dev/kvm'
  expect_success "status then finds nothing wrong with the host" "ok (devices as udev sets them)" \
    env MINICLOUD_STATE="$scratch/status" deploy/minicloud status
fi

echo "script tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
