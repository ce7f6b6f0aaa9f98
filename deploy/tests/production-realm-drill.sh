#!/usr/bin/env bash
# Production mode as Keycloak has it. Every cloud runs Keycloak the same way (kc.sh start on
# MariaDB); a production cloud differs in its realm, so the realm 'MINICLOUD_DEMO=0 up' imports
# is imported here beside the test cloud's, under another name, and checked as a user would meet
# it: no demo users, a first admin who must choose a password, no password grant, the exact
# redirect address. Run by 'deploy/minicloud test' while Keycloak runs; removes that realm again.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=drill.sh
. deploy/tests/drill.sh "production realm drill" mariadb keycloak wildfly

realm=minicloud-production-drill
scratch=$(mktemp -d)
kc_admin_login
admin_api() {
  curl -s -H @<(printf 'Authorization: Bearer %s\n' "$KC_ADMIN_TOKEN") "$@"
}
cleanup() { admin_api -o /dev/null -X DELETE "$KC_LOCAL/admin/realms/$realm"; rm -rf "$scratch"; }
trap cleanup EXIT

# Keycloak itself: production mode, its data in MariaDB.
command_line=$(tr '\0' ' ' < "/proc/$(cat "$KC_PIDFILE")/cmdline")
grep -q ' start --optimized ' <<<"$command_line" || fail "Keycloak does not run 'kc.sh start --optimized': $command_line"
grep -q 'start-dev' <<<"$command_line" && fail "Keycloak runs in development mode: $command_line"
mariadb_sql "SELECT NAME FROM $KC_DB.REALM" | grep -qx minicloud || fail "the realm is not in MariaDB's $KC_DB database"

# The realm a production cloud imports, made with secrets of its own.
SECRETS_DIR=$scratch MINICLOUD_DEMO=0 keycloak_realm | jq --arg realm "$realm" '.realm = $realm' > "$scratch/realm.json"
[ "$(admin_api -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$scratch/realm.json" \
  "$KC_LOCAL/admin/realms")" = 201 ] || fail "Keycloak did not import the production realm"
realm_url=$KC_LOCAL/realms/$realm

users=$(admin_api "$KC_LOCAL/admin/realms/$realm/users?max=1000" | jq -r '[.[].username] | sort | join(" ")')
[ "$users" = admin ] || fail "the production realm's users are '$users', not only the first admin"
actions=$(admin_api "$KC_LOCAL/admin/realms/$realm/users?username=admin&exact=true" | jq -c '.[0].requiredActions')
[ "$actions" = '["UPDATE_PASSWORD"]' ] || fail "the first admin need not choose a password at the first sign-in: $actions"
answer=$(printf '%s' "$(cat "$scratch/first-admin-password")" | curl -s "$realm_url/protocol/openid-connect/token" \
  -d grant_type=password -d client_id=minicloud-cli -d username=admin --data-urlencode "password@-")
[ "$(jq -r .error <<<"$answer")" = unauthorized_client ] || fail "the CLI client's password grant answered: $answer"
code=$(curl -s "$realm_url/protocol/openid-connect/auth/device" -d client_id=minicloud-cli | jq -r '.user_code // empty')
[ -n "$code" ] || fail "scripts cannot sign in through the browser (device grant)"
portal=$(admin_api "$KC_LOCAL/admin/realms/$realm/clients?clientId=minicloud-portal" | jq -c '.[0].redirectUris')
[ "$portal" = "[\"$WF_URL/sso/login\"]" ] || fail "the portal's redirect addresses are $portal"
printf 'ok   production realm: Keycloak runs kc.sh start on MariaDB; only the first admin, who must choose a password; no password grant; the device grant; redirects only to %s\n' "$WF_URL"
