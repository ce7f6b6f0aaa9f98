# Brings a running Keycloak's minicloud realm up to date with deploy/keycloak/minicloud-realm.json
# through Keycloak's admin REST API. Every step only adds or updates what the file names, so it
# runs as often as it likes and never drops a user, a password or a membership someone made;
# the realm's settings, clients, their mappers and optional scopes follow the file. It runs when the file (as
# rendered for this cloud) changed since it last ran.
# shellcheck shell=bash

# Realm roles earlier minicloud versions had and the file no longer has: a role is now held per
# tenant through the groups /tenants/<alias>/<role>.
KC_RETIRED_ROLES=(tenant-user tenant-admin)

keycloak_sync_realm() {
  local realm marker=$STATE/keycloak/realm-applied.sha256 sum
  realm=$(keycloak_realm)
  sum=$(sha256sum <<<"$realm" | cut -d' ' -f1)
  [ "$(cat "$marker" 2>/dev/null)" = "$sum" ] && return 0
  say "bringing Keycloak's realm up to date with deploy/keycloak/minicloud-realm.json"
  kc_admin_login
  kc_put "" "$(jq 'del(.users, .clients, .groups, .roles, .organizations)' <<<"$realm")"
  kc_sync_roles "$realm"
  kc_sync_clients "$realm"
  kc_sync_groups "$realm"
  kc_sync_users "$realm"
  kc_sync_organizations "$realm"
  echo "$sum" > "$marker"
}

# Signs in as Keycloak's own admin for the kc_ calls below.
kc_admin_login() {
  # the password goes to curl on stdin (printf is the shell's own): no command line shows it
  KC_ADMIN_TOKEN=$(printf '%s' "$(secret keycloak-admin-password)" \
      | curl -sf "$KC_LOCAL/realms/master/protocol/openid-connect/token" -d grant_type=password \
        -d client_id=admin-cli -d username=kcadmin --data-urlencode "password@-" \
      | jq -er .access_token) || die "Keycloak refused its admin kcadmin; see $KC_LOG"
}

# kc_call METHOD PATH [JSON]: the realm's admin API; prints the answer's body. Exits 0 on 2xx,
# 4 on 404, 9 on 409; anything else stops the script saying what Keycloak answered.
kc_call() {
  local method=$1 path=$2 body=${3-} args answer status
  # The token and the body (client secrets, demo passwords) reach curl through pipes, not its
  # command line, where ps would show them; a pipe lives only as long as the command it is in.
  args=(-sS -X "$method" -w '\n%{http_code}')
  if [ $# -ge 3 ]; then
    answer=$(curl "${args[@]}" -H @<(printf 'Authorization: Bearer %s\n' "$KC_ADMIN_TOKEN") \
        -H 'Content-Type: application/json' --data-binary @<(printf '%s' "$body") "$KC_LOCAL/admin/realms/minicloud$path") \
      || die "could not reach Keycloak's admin API at $KC_LOCAL; see $KC_LOG"
  else
    answer=$(curl "${args[@]}" -H @<(printf 'Authorization: Bearer %s\n' "$KC_ADMIN_TOKEN") \
        "$KC_LOCAL/admin/realms/minicloud$path") \
      || die "could not reach Keycloak's admin API at $KC_LOCAL; see $KC_LOG"
  fi
  status=${answer##*$'\n'}
  printf '%s' "${answer%$'\n'*}"
  case "$status" in
    2??) return 0 ;;
    404) return 4 ;;
    409) return 9 ;;
    *) die "Keycloak answered $status to $method $path while updating the realm: ${answer%$'\n'*}" ;;
  esac
}
kc_get() { kc_call GET "$1"; }
kc_post() { kc_call POST "$1" "$2" >/dev/null; }
kc_put() { kc_call PUT "$1" "$2" >/dev/null; }
kc_exists() { kc_get "$1" >/dev/null; }

kc_sync_roles() {
  local role name
  while IFS= read -r role; do
    name=$(jq -r .name <<<"$role")
    kc_exists "/roles/$name" || kc_post /roles "$role"
  done < <(jq -c '.roles.realm[]?' <<<"$1")
  for name in "${KC_RETIRED_ROLES[@]}"; do
    if kc_exists "/roles/$name"; then
      say "  removing the realm role $name (roles are held per tenant now)"
      kc_call DELETE "/roles/$name" >/dev/null
    fi
  done
}

kc_client_id() {
  kc_get "/clients?clientId=$1" | jq -r '.[0].id // empty'
}

# A client follows the file; so do the mappers the file gives it (others are left alone).
kc_sync_clients() {
  local client client_id id mapper existing mapper_id
  while IFS= read -r client; do
    client_id=$(jq -r .clientId <<<"$client")
    id=$(kc_client_id "$client_id")
    if [ -z "$id" ]; then
      kc_post /clients "$client"
      continue
    fi
    kc_put "/clients/$id" "$(jq --arg id "$id" 'del(.protocolMappers) | .id = $id' <<<"$client")"
    kc_sync_optional_scopes "$id" "$client"
    existing=$(kc_get "/clients/$id/protocol-mappers/models")
    while IFS= read -r mapper; do
      mapper_id=$(jq -r --arg name "$(jq -r .name <<<"$mapper")" '.[] | select(.name == $name) | .id' <<<"$existing")
      if [ -n "$mapper_id" ]; then
        kc_put "/clients/$id/protocol-mappers/models/$mapper_id" "$(jq --arg id "$mapper_id" '.id = $id' <<<"$mapper")"
      else
        kc_post "/clients/$id/protocol-mappers/models" "$mapper"
      fi
    done < <(jq -c '.protocolMappers[]?' <<<"$client")
  done < <(jq -c '.clients[]?' <<<"$1")
}

# Where the file lists a client's optional scopes, the client has those and no others: Keycloak's
# update of a client leaves its scopes alone, and an offline_access an older realm offered would
# let an offline token outlive every role taken away.
kc_sync_optional_scopes() {
  local id=$1 client=$2 scope scope_id
  jq -e 'has("optionalClientScopes")' <<<"$client" >/dev/null || return 0
  while IFS=$'\t' read -r scope scope_id; do
    if ! jq -e --arg s "$scope" '.optionalClientScopes | index($s)' <<<"$client" >/dev/null; then
      kc_call DELETE "/clients/$id/optional-client-scopes/$scope_id" >/dev/null
    fi
  done < <(kc_get "/clients/$id/optional-client-scopes" | jq -r '.[] | [.name, .id] | @tsv')
  while IFS= read -r scope; do
    scope_id=$(kc_get /client-scopes | jq -r --arg s "$scope" '.[] | select(.name == $s) | .id')
    if [ -n "$scope_id" ]; then
      kc_call PUT "/clients/$id/optional-client-scopes/$scope_id" >/dev/null
    fi
  done < <(jq -r '.optionalClientScopes[]' <<<"$client")
}

# Every group the file names, parents first, made where missing.
kc_sync_groups() {
  local path parent parent_id name
  while IFS= read -r path; do
    kc_exists "/group-by-path$path" && continue
    parent=${path%/*} name=${path##*/}
    if [ -z "$parent" ]; then
      kc_post /groups "$(jq -n --arg name "$name" '{name: $name}')"
    else
      parent_id=$(kc_get "/group-by-path$parent" | jq -r .id)
      kc_post "/groups/$parent_id/children" "$(jq -n --arg name "$name" '{name: $name}')"
    fi
  done < <(jq -r 'def walk_paths($p): .[] | ($p + "/" + .name) as $q | $q, ((.subGroups // []) | walk_paths($q));
                  (.groups // []) | walk_paths("")' <<<"$1")
}

kc_user_id() {
  kc_get "/users?exact=true&username=$1" | jq -r '.[0].id // empty'
}

# A user the file names is made if missing (with the file's password); an existing one keeps
# their password and gains the file's groups, realm roles and client roles. A client's service
# account is the user Keycloak made with the client.
kc_sync_users() {
  local user username service_client id path role client client_uuid
  while IFS= read -r user; do
    username=$(jq -r .username <<<"$user")
    service_client=$(jq -r '.serviceAccountClientId // empty' <<<"$user")
    if [ -n "$service_client" ]; then
      id=$(kc_get "/clients/$(kc_client_id "$service_client")/service-account-user" | jq -r .id)
    else
      id=$(kc_user_id "$username")
    fi
    if [ -z "$id" ]; then
      kc_post /users "$(jq 'del(.realmRoles, .clientRoles)' <<<"$user")"
      id=$(kc_user_id "$username")
    fi
    while IFS= read -r path; do
      kc_put "/users/$id/groups/$(kc_get "/group-by-path$path" | jq -r .id)" '{}'
    done < <(jq -r '.groups[]?' <<<"$user")
    while IFS= read -r role; do
      kc_post "/users/$id/role-mappings/realm" "[$(kc_get "/roles/$role")]"
    done < <(jq -r '.realmRoles[]? | select(startswith("default-roles-") | not)' <<<"$user")
    while IFS= read -r client; do
      client_uuid=$(kc_client_id "$client")
      kc_post "/users/$id/role-mappings/clients/$client_uuid" "$(jq -c --arg client "$client" \
          '[.clientRoles[$client][] | {name: .}]' <<<"$user" | kc_client_roles "$client_uuid")"
    done < <(jq -r '.clientRoles // {} | keys[]' <<<"$user")
  done < <(jq -c '.users[]?' <<<"$1")
}

# The client's roles named on stdin ([{name}]), as Keycloak has them (with their ids).
kc_client_roles() {
  local client_uuid=$1 name roles=()
  while IFS= read -r name; do
    roles+=("$(kc_get "/clients/$client_uuid/roles/$name")")
  done < <(jq -r '.[].name')
  printf '%s\n' "${roles[@]}" | jq -s .
}

# An organization the file names is made if missing; its members are added (409: already one).
kc_sync_organizations() {
  local org alias id username
  while IFS= read -r org; do
    alias=$(jq -r .alias <<<"$org")
    id=$(kc_get "/organizations?briefRepresentation=true&max=10000" | jq -r --arg alias "$alias" '.[] | select(.alias == $alias) | .id')
    if [ -z "$id" ]; then
      kc_post /organizations "$(jq 'del(.members)' <<<"$org")"
      id=$(kc_get "/organizations?briefRepresentation=true&max=10000" | jq -r --arg alias "$alias" '.[] | select(.alias == $alias) | .id')
    fi
    while IFS= read -r username; do
      kc_call POST "/organizations/$id/members" "\"$(kc_user_id "$username")\"" >/dev/null || [ $? -eq 9 ]
    done < <(jq -r '.members[]?.username' <<<"$org")
  done < <(jq -c '.organizations[]?' <<<"$1")
}
