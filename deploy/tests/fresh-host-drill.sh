#!/usr/bin/env bash
# A host as a fresh machine of CI's kind comes up: no udev, so /dev/kvm is the kernel's 0600
# root:root. 'down' then 'up' must set the host right by themselves, a launch through the REST
# API must reach RUNNING with its serial log readable, and no daemon but libvirt's runs as root.
# Prints how long each took; deletes what it made. Run by 'deploy/minicloud test' after the
# Maven tests (it stops again a portal that was not running before).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=drill.sh
. deploy/tests/drill.sh "fresh host drill" host mariadb keycloak libvirt wildfly

portal_was_running=0
pid_alive "$WF_PIDFILE" && portal_was_running=1
api=http://127.0.0.1:$WF_PORT/api/v1
name=fresh-host-drill-$$
# Whatever happens, the host is left set up and the portal as it was; what the drill made is deleted.
cleanup() {
  host_prepare
  if [ -n "${auth:-}" ]; then
    [ -z "${instance:-}" ] || curl -s -o /dev/null -H "$auth" -X DELETE "$api/instances/$instance" || true
    for _ in $(seq 1 60); do
      [ -z "${instance:-}" ] && break
      [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$api/instances/$instance")" = 404 ] && break
      sleep 1
    done
    [ -z "${network:-}" ] || curl -s -o /dev/null -H "$auth" -X DELETE "$api/networks/$network" || true
  fi
  [ "$portal_was_running" = 1 ] || wildfly_stop >/dev/null
}
trap cleanup EXIT
if [ -e /dev/kvm ]; then
  chown root:root /dev/kvm && chmod 0600 /dev/kvm
  say "fresh host drill: /dev/kvm reset to $(stat -c '%a %U:%G' /dev/kvm), as on a host without udev"
fi
deploy/minicloud down >/dev/null
started=$SECONDS
deploy/minicloud up >/dev/null || fail "'up' failed on a host without udev's device permissions"
up_took=$((SECONDS - started))
[ -z "$(host_problems)" ] || fail "the host is still misconfigured after 'up': $(host_problems)"

token=$(keycloak_token ann ann) || fail "no token for ann from Keycloak"
auth="Authorization: Bearer $token"
network=$(curl -sf -H "$auth" -H 'Content-Type: application/json' "$api/networks" -d '{"name":"'"$name"'"}' | jq -r .id) \
  || fail "could not create a network"
ordered=$SECONDS
instance=$(curl -sf -H "$auth" -H 'Content-Type: application/json' "$api/instances" -d '{"name":"'"$name"'",
  "flavor":"entry","image":"tiny-linux","network":"'"$network"'","systemDiskGib":1,"password":"Fresh-host-1"}' \
  | jq -r '.instances[0].id') || fail "the order was refused"
state=PENDING
until [ "$state" = RUNNING ]; do
  state=$(curl -s -H "$auth" "$api/instances/$instance" | jq -r '.state // "unknown"' || echo unknown)
  case "$state" in
    ERROR) fail "the launch ended in ERROR: $(curl -s -H "$auth" "$api/instances/$instance" | jq -r .stateReason)" ;;
  esac
  (( SECONDS - ordered < 180 )) || fail "the launch did not reach RUNNING within 180 s (state $state)"
  sleep 1
done
running_after=$((SECONDS - ordered))
# The portal reads the guest's serial log (virtlogd writes it 0600 root) though it is not root.
until [ -n "$(curl -s -H "$auth" "$api/instances/$instance/console-log" | jq -r '.output // empty')" ]; do
  (( SECONDS - ordered < 240 )) || fail "the portal shows no serial log for the running guest"
  sleep 1
done
# Least privilege: none of the cloud's daemons but libvirt's runs as root.
for daemon in MariaDB:"$DB_PIDFILE" Keycloak:"$KC_PIDFILE" WildFly:"$WF_PIDFILE"; do
  owner=$(ps -o user= -p "$(cat "${daemon#*:}")" 2>/dev/null) || fail "${daemon%%:*} is not running"
  [ "$owner" != root ] || fail "${daemon%%:*} runs as root"
  users="${users:-}${users:+, }${daemon%%:*} as $owner"
done
printf 'ok   fresh host: /dev/kvm %s after up; up took %ss; a launch reached RUNNING %ss after the order; %s\n' \
  "$(stat -c '%a %U:%G' /dev/kvm 2>/dev/null || echo absent)" "$up_took" "$running_after" "$users"
