#!/usr/bin/env bash
# An upgrade in place, as an operator makes one, on a host as a fresh machine of CI's kind has it.
# The previous release (the commit named in deploy/tests/previous-release) brings a demo cloud up
# in a state directory of its own, on the usual ports (it may not know how to move them, so the
# test cloud is taken down first). There ann gets a network, a running instance and a stopped one,
# and the admin a tenant with a quota of its own. Then /dev/kvm is reset to the kernel's 0600
# root:root (no udev) and this checkout's 'up' runs on that running cloud. Nothing may be lost: the
# same tenants, quotas, networks and instances in the same states; the running guest keeps running
# (the same QEMU process); a launch ordered as the upgrade began reaches RUNNING; ann signs in with her password; the schema is this checkout's newest.
# The host is set right again, no daemon but libvirt's runs as root, the old instances can still
# be operated, and a new one launches and shows its serial log. Then, with the portal stopped, the
# backup/restore drill runs on the upgraded cloud as it stands (backup-restore-drill.sh).
# Run last by 'deploy/minicloud test' (the test cloud is brought back as it was: up whole, or its
# MariaDB and Keycloak alone); deletes what it made; prints its timings.
set -euo pipefail
cd "$(dirname "$0")/../.."
test_state=${MINICLOUD_STATE:-/var/lib/minicloud}
# was_running PIDFILE: whether the test cloud's daemon of that pid file runs now
was_running() {
  [ -f "$test_state/$1" ] && kill -0 "$(cat "$test_state/$1")" 2>/dev/null
}
portal_was_running=0 database_was_running=0 keycloak_was_running=0
was_running run/wildfly.pid && portal_was_running=1
was_running mariadb/mariadb.pid && database_was_running=1
was_running run/keycloak.pid && keycloak_was_running=1
deploy/minicloud down >/dev/null
scratch=$(mktemp -d /var/tmp/minicloud-upgrade.XXXXXX)
chmod 755 "$scratch" # MariaDB (user mysql) keeps the upgraded cloud's data in there
# A cloud of its own: a state directory and network segments no other cloud on this machine uses.
export MINICLOUD_STATE=$scratch/state MINICLOUD_SEGMENT_RANGE=16000000-16000999 MINICLOUD_DEMO=1
# shellcheck source=drill.sh
. deploy/tests/drill.sh "upgrade drill" host mariadb keycloak libvirt wildfly backup

api=http://127.0.0.1:$WF_PORT/api/v1
# Tokens from the address the portal knows Keycloak by: an older Keycloak in development mode
# named itself after the address it was asked at.
KC_LOCAL_REALM_URL=$KC_REALM_URL
previous=$(grep -v '^#' deploy/tests/previous-release | head -n 1)

# call METHOD PATH AUTH [BODY]: the answer's body; fails on an HTTP error, saying what the portal said.
call() {
  local answer
  answer=$(curl -s --max-time 60 -w '\n%{http_code}' -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
    "$api$2" ${4:+-d "$4"}) || return 1
  if [ "${answer##*$'\n'}" -ge 400 ]; then
    printf '%s %s: HTTP %s %s\n' "$1" "$2" "${answer##*$'\n'}" "${answer%$'\n'*}" >&2
    return 1
  fi
  printf '%s\n' "${answer%$'\n'*}"
}

# await INSTANCE STATE: waits (up to 3 min) until ann's instance is in that state.
await() {
  local state="" since=$SECONDS
  until [ "$state" = "$2" ]; do
    state=$(call GET "/instances/$1" "$ann" | jq -r .state) || state=unknown
    [ "$state" != ERROR ] || fail "instance $1 went to ERROR: $(call GET "/instances/$1" "$ann" | jq -r .stateReason)"
    (( SECONDS - since < 180 )) || fail "instance $1 is $state, not $2, after 180 s"
    sleep 1
  done
}

launch() {
  call POST /instances "$ann" '{"name":"'"$1"'","flavor":"entry","image":"tiny-linux","network":"'"$network"'",
    "systemDiskGib":1,"password":"Upgrade-drill-1"}' | jq -r '.instances[0].id'
}

# What a user and an admin see of the cloud, without what changes by itself (and the launch
# ordered as the upgrade begins).
snapshot() {
  call GET '/instances?limit=500' "$ann" | jq -S '[.items[] | select(.name != "upgrade-during") | {id, name, hostname, state, flavor, vcpus, memoryMib,
    image, systemDiskGib, network, networkName, privateIp, node, createdAt, billing}] | sort_by(.name)'
  call GET '/networks?limit=500' "$ann" | jq -S '.items | sort_by(.name)'
  call GET '/admin/tenants?limit=500' "$admin" | jq -S '.items | sort_by(.tenant)'
}

cleanup() {
  local status=$?
  set +e
  if [ "$status" != 0 ]; then
    for log in "$scratch"/previous-up.log "$scratch"/up.log "$WF_HOME/standalone/log/server.log"; do
      [ -f "$log" ] && { printf -- '----- %s\n' "$log"; tail -n 25 "$log"; }
    done
  fi
  # The drill's cloud goes as a whole: its portal first (no task may start a guest after the
  # reap), then its guests, networks and pool on the shared libvirtd, then its daemons.
  wildfly_stop >/dev/null 2>&1
  libvirt_reap_leftovers 'mcbrx16000[0-9]{3}' "$scratch"
  deploy/minicloud down >/dev/null 2>&1
  # the host as udev would set it, and our network hook if the previous release replaced it
  host_prepare
  libvirt_install_hook >/dev/null 2>&1
  rm -rf "$scratch"
  # the test cloud as it was: up whole, or its database and Keycloak alone (a test run's)
  if [ "$portal_was_running" = 1 ]; then
    env -u MINICLOUD_SEGMENT_RANGE MINICLOUD_STATE="$test_state" deploy/minicloud up >/dev/null \
      || echo "the upgrade drill could not bring the test cloud in $test_state up again: run deploy/minicloud up" >&2
  elif [ "$database_was_running" = 1 ] || [ "$keycloak_was_running" = 1 ]; then
    env -u MINICLOUD_SEGMENT_RANGE MINICLOUD_STATE="$test_state" bash -c '. deploy/tests/drill.sh "upgrade drill" mariadb keycloak
      mariadb_start; if [ "$1" = 1 ]; then keycloak_start; fi' restart "$keycloak_was_running" >/dev/null \
      || echo "the upgrade drill could not start the test cloud's MariaDB and Keycloak in $test_state again" >&2
  fi
}
trap cleanup EXIT

git cat-file -e "$previous^{commit}" 2>/dev/null || git fetch -q --depth=1 origin "$previous" 2>/dev/null \
  || fail "the previous release $previous is not in this clone's history (a shallow clone? git fetch --unshallow)"
mkdir "$scratch/previous"
git archive "$previous" | tar -x -C "$scratch/previous"
# Keycloak's zip, which the previous release would otherwise fetch again; and Keycloak as the test
# cloud built it, which a previous release of the same Keycloak and build options uses as it is
# (another one builds it again): a minute less.
[ ! -d deploy/target/dist ] || { mkdir -p "$scratch/previous/deploy/target" && cp -r deploy/target/dist "$scratch/previous/deploy/target/"; }
if [ -d "$test_state/keycloak/keycloak-$KC_VERSION/lib/quarkus" ]; then
  mkdir -p "$KC_HOME"
  rsync -a --exclude /data "$test_state/keycloak/keycloak-$KC_VERSION/" "$KC_HOME/"
fi

# The portal's server as this checkout's build provisioned it, with what it was made from, for a
# previous release with the same poms and server configuration: it builds only its WAR into it
# (another one provisions its own).
if [ -f "$WF_BUILT/.minicloud-inputs" ] \
  && [ "$(REPO=$scratch/previous wildfly_server_inputs)" = "$(cat "$WF_BUILT/.minicloud-inputs")" ]; then
  mkdir -p "$scratch/previous/portal-web/target"
  cp -a "$WF_BUILT" "$scratch/previous/portal-web/target/"
fi

started=$SECONDS
(cd "$scratch/previous" && deploy/minicloud up) > "$scratch/previous-up.log" 2>&1 \
  || fail "the previous release ($previous) could not bring its cloud up"
took_previous=$((SECONDS - started))

admin=$(keycloak_token admin admin) || fail "no token for admin"
ann=$(keycloak_token ann ann) || fail "no token for ann"
call POST /admin/tenants "$admin" '{"alias":"upgraded","displayName":"Upgraded Ltd"}' >/dev/null || fail "could not create a tenant"
call PUT /admin/tenants/upgraded/quota "$admin" '{"instances":7,"vcpus":9,"memoryMib":9216,"diskGib":99,"networks":3,
  "images":2,"imageGib":20}' >/dev/null || fail "could not set the tenant's quota"
network=$(call POST /networks "$ann" '{"name":"upgrade-net"}' | jq -r .id) || fail "could not create a network"
running=$(launch upgrade-running) || fail "the first order was refused"
stopped=$(launch upgrade-stopped) || fail "the second order was refused"
await "$running" RUNNING
await "$stopped" RUNNING
call POST "/instances/$stopped/actions" "$ann" '{"action":"stop"}' >/dev/null || fail "could not stop an instance"
await "$stopped" STOPPED
qemu=$(cat "/run/libvirt/qemu/$running.pid") || fail "no QEMU process for the running instance"

# The upgrade, on a host that udev never set up (as a fresh machine of CI's kind), with a launch
# ordered as it begins: its task may still be in hand when the old portal is undeployed.
[ ! -e /dev/kvm ] || { chown root:root /dev/kvm && chmod 0600 /dev/kvm; }
during=$(launch upgrade-during) || fail "the order before the upgrade was refused"
# (its quota and address are taken when ordered: only its state is left out of the comparison)
before=$(snapshot) || fail "could not read what the previous release shows"
started=$SECONDS
deploy/minicloud up > "$scratch/up.log" 2>&1 || fail "'up' could not upgrade the previous release's cloud"
took_upgrade=$((SECONDS - started))
[ -z "$(host_problems)" ] || fail "the host is misconfigured after the upgrade: $(host_problems)"

ann=$(keycloak_token ann ann) || fail "ann cannot sign in with her password after the upgrade"
admin=$(keycloak_token admin admin) || fail "the admin cannot sign in after the upgrade"
after=$(snapshot) || fail "could not read what the upgraded cloud shows"
[ "$before" = "$after" ] || fail "the upgrade changed what the cloud shows: $(diff <(echo "$before") <(echo "$after"))"
[ "$(cat "/run/libvirt/qemu/$running.pid" 2>/dev/null)" = "$qemu" ] || fail "the running guest was restarted by the upgrade"
newest=$(backup_code_schema)
[ "$(backup_database_schema)" = "$newest" ] || fail "the schema is at version $(backup_database_schema), not $newest"
[ "$(cat "$KC_MODE_FILE" 2>/dev/null)" = demo ] || fail "Keycloak's mode was not recorded"
# Least privilege: none of the cloud's daemons but libvirt's runs as root.
for daemon in MariaDB:"$DB_PIDFILE" Keycloak:"$KC_PIDFILE" WildFly:"$WF_PIDFILE"; do
  owner=$(ps -o user= -p "$(cat "${daemon#*:}")" 2>/dev/null) || fail "${daemon%%:*} is not running"
  [ "$owner" != root ] || fail "${daemon%%:*} runs as root after the upgrade"
done

# The launch ordered as the upgrade began got there; the old instances still answer to their
# owner; a new one launches.
await "$during" RUNNING
call POST "/instances/$stopped/actions" "$ann" '{"action":"start"}' >/dev/null || fail "the old stopped instance cannot be started"
await "$stopped" RUNNING
call POST "/instances/$running/actions" "$ann" '{"action":"stop"}' >/dev/null || fail "the old running instance cannot be stopped"
await "$running" STOPPED
ordered=$SECONDS
fresh=$(launch upgrade-new) || fail "a new order was refused after the upgrade"
await "$fresh" RUNNING
launched=$((SECONDS - ordered))
until [ -n "$(call GET "/instances/$fresh/console-log" "$ann" | jq -r '.output // empty')" ]; do
  (( SECONDS - ordered < 240 )) || fail "the portal shows no serial log for the new guest"
  sleep 1
done

# The backup drill on this cloud as it stands, with no portal writing to it meanwhile.
wildfly_stop >/dev/null
deploy/tests/backup-restore-drill.sh || fail "the backup/restore drill failed on the upgraded cloud (above)"

printf 'ok   upgrade from %s: its up took %ss, the upgrade %ss (%s); instances, networks, tenants and quotas unchanged, the running guest not restarted, a launch ordered as it began RUNNING, schema %s; /dev/kvm %s; a launch after it reached RUNNING in %ss\n' \
  "${previous:0:7}" "$took_previous" "$took_upgrade" "$(sed -n 's/^up took [0-9]*s: //p' "$scratch/up.log")" "$newest" \
  "$(stat -c '%a %U:%G' /dev/kvm 2>/dev/null || echo absent)" "$launched"
