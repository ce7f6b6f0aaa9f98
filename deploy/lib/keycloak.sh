# Keycloak from Maven Central's distribution zip, unpacked into the state directory, with the
# minicloud realm imported on first start and brought up to date on every later one
# (keycloak_sync_realm): an import happens only once, so a realm made by an older minicloud
# would otherwise never see what the file gained since.
# shellcheck shell=bash

KC_VERSION=$(pom_property keycloak.version)
KC_PORT=${MINICLOUD_KEYCLOAK_PORT:-8180}
KC_HOME=$STATE/keycloak/keycloak-$KC_VERSION
KC_PIDFILE=$RUN_DIR/keycloak.pid
KC_LOG=$LOG_DIR/keycloak.log
KC_URL=http://$PUBLIC_HOST:$KC_PORT
KC_REALM_URL=$KC_URL/realms/minicloud
# Keycloak runs as a system user of its own: it owns its install and data, and nothing else.
KC_USER=minicloud-keycloak

keycloak_install() {
  [ -x "$KC_HOME/bin/kc.sh" ] && return
  local zip=$REPO/deploy/target/dist/keycloak-$KC_VERSION.zip
  if [ ! -f "$zip" ]; then
    say "fetching Keycloak $KC_VERSION from Maven Central"
    (cd "$REPO" && JAVA_HOME=$JAVA25_HOME mvn -B -q -ntp -f deploy/pom.xml package >>"$LOG_DIR/build.log" 2>&1) \
      || die "could not fetch Keycloak; see $LOG_DIR/build.log"
  fi
  say "unpacking Keycloak into $STATE/keycloak"
  mkdir -p "$STATE/keycloak"
  unzip -q -o "$zip" -d "$STATE/keycloak"
}

# The realm as imported: the portal's and its service account's client secrets and redirect URLs
# filled in, the demo users and organizations only in demo mode.
keycloak_realm() {
  local urls
  urls=$(printf '"http://%s:%s/*",' "$PUBLIC_HOST" "$WF_PORT" localhost 9080 | sed 's/,$//')
  jq --arg secret "$(secret oidc-client-secret)" --arg admin "$(secret keycloak-service-secret)" \
      --argjson urls "[$urls]" --arg demo "${MINICLOUD_DEMO:-1}" '
      (.clients[] | select(.clientId == "minicloud-portal")) |= (.secret = $secret | .redirectUris = $urls)
      | (.clients[] | select(.clientId == "minicloud-admin")) |= (.secret = $admin)
      | if $demo == "1" then . else (.users |= map(select(.serviceAccountClientId))) | del(.organizations) | del(.groups) end' \
    "$REPO/deploy/keycloak/minicloud-realm.json"
}

keycloak_healthy() {
  curl -sf -o /dev/null "$KC_REALM_URL/.well-known/openid-configuration"
}

keycloak_start() {
  if ! pid_alive "$KC_PIDFILE"; then
    keycloak_launch
  fi
  keycloak_sync_realm
}

keycloak_user() {
  id -u "$KC_USER" >/dev/null 2>&1 \
    || useradd --system --no-create-home --home-dir "$KC_HOME/data" --shell /usr/sbin/nologin "$KC_USER" \
    || die "could not create the system user $KC_USER for Keycloak"
}

keycloak_launch() {
  keycloak_install
  keycloak_user
  require_free_port "$KC_PORT" Keycloak
  # Keycloak's user owns only what Keycloak writes: its data (the realm's signing keys) and its
  # build (lib/quarkus). Root keeps the rest and touches those two only as that user, so it never
  # follows a link Keycloak could have planted there.
  chown -R root: "$STATE/keycloak"
  mkdir -p "$KC_HOME/data" "$KC_HOME/lib/quarkus"
  chown -R "$KC_USER:" "$KC_HOME/data" "$KC_HOME/lib/quarkus"
  as_keycloak mkdir -p "$KC_HOME/data/import"
  as_keycloak chmod 700 "$KC_HOME/data" "$KC_HOME/data/import"
  # the import file holds the client secrets and the demo passwords: 0600, and gone once imported
  keycloak_realm | as_keycloak sh -c 'umask 077; cat > "$1"' import "$KC_HOME/data/import/minicloud-realm.json"
  say "starting Keycloak $KC_VERSION on $KC_URL as user $KC_USER (the first start builds it: about a minute)"
  KC_BOOTSTRAP_ADMIN_USERNAME=kcadmin KC_BOOTSTRAP_ADMIN_PASSWORD=$(secret keycloak-admin-password) \
    daemonize "$KC_PIDFILE" "$KC_LOG" "${KC_AS_USER[@]}" env HOME="$KC_HOME/data" "$KC_HOME/bin/kc.sh" start-dev \
      --http-host=127.0.0.1 --http-port="$KC_PORT" --import-realm
  wait_until 300 Keycloak "$KC_LOG" "$KC_PIDFILE" keycloak_healthy
  as_keycloak rm -f "$KC_HOME/data/import/minicloud-realm.json"
}

# Runs a command as Keycloak's user (setpriv execs it, so a daemon's recorded pid stays its own;
# an array, not only a function, because setsid must be able to run it).
KC_AS_USER=(setpriv --reuid="$KC_USER" --regid="$KC_USER" --init-groups)
as_keycloak() {
  "${KC_AS_USER[@]}" "$@"
}

keycloak_stop() {
  stop_pid "$KC_PIDFILE" Keycloak
}

keycloak_status() {
  if pid_alive "$KC_PIDFILE"; then echo "running on $KC_URL"; else echo "stopped"; fi
}

# An access token for a user through the command-line client, as scripts get one.
keycloak_token() {
  printf '%s' "$2" | curl -sf "$KC_REALM_URL/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=minicloud-cli --data-urlencode "username=$1" --data-urlencode "password@-" \
    -d 'scope=organization:*' | jq -r .access_token
}

# shellcheck source=keycloak-realm-sync.sh
. "$REPO/deploy/lib/keycloak-realm-sync.sh"
