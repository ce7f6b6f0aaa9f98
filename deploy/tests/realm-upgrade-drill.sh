#!/usr/bin/env bash
# A realm made by an older minicloud (before roles were held per tenant): ann in no tenant group,
# the CLI client without the mapper that puts those groups into tokens and offering offline_access,
# and the retired realm role tenant-user. Keycloak keeps such a realm across restarts (it imports only once); starting it the
# way 'up' does must bring the realm up to date and keep ann's password. Run by 'deploy/minicloud
# test' while Keycloak runs; leaves the realm as the file has it.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=drill.sh
. deploy/tests/drill.sh "realm upgrade drill" keycloak wildfly

claims() {
  keycloak_token ann ann | cut -d. -f2 | tr '_-' '/+' | base64 -d 2>/dev/null || true
}

kc_admin_login
ann=$(kc_user_id ann)
cli=$(kc_client_id minicloud-cli)
mapper=$(kc_get "/clients/$cli/protocol-mappers/models" | jq -r '.[] | select(.name == "tenant roles") | .id')
kc_call DELETE "/users/$ann/groups/$(kc_get /group-by-path/tenants/acme/tenant-user | jq -r .id)" >/dev/null
kc_call DELETE "/clients/$cli/protocol-mappers/models/$mapper" >/dev/null
kc_post /roles '{"name": "tenant-user"}'
offline=$(kc_get /client-scopes | jq -r '.[] | select(.name == "offline_access") | .id')
kc_call PUT "/clients/$cli/optional-client-scopes/$offline" >/dev/null
rm -f "$STATE/keycloak/realm-applied.sha256"
[ "$(claims | jq -c '.groups // []')" = '[]' ] || fail "the older realm still gave ann her tenant group"

started=$SECONDS
keycloak_start >/dev/null
took=$((SECONDS - started))
groups=$(claims | jq -c '.groups // []')
[ "$groups" = '["/tenants/acme/tenant-user"]' ] || fail "after the upgrade ann's token has groups $groups"
! kc_exists /roles/tenant-user || fail "the retired realm role tenant-user is still there"
! kc_get "/clients/$cli/optional-client-scopes" | jq -e '.[] | select(.name == "offline_access")' >/dev/null \
  || fail "the CLI client still offers offline_access"
[ "$(kc_get "/clients/$cli/default-client-scopes" | jq -r '.[].name' | grep -c organization)" = 1 ] \
  || fail "the CLI client lost its default scopes"
printf 'ok   realm upgrade: an older realm got its groups, mapper and members back and lost offline_access in %ss; ann signs in with her password\n' "$took"
