# Keycloak from Maven Central's distribution zip, unpacked into the state directory, built once for
# MariaDB and started in production mode (kc.sh start) in every mode: demo mode differs only in
# the realm (demo users, the CLI's password grant, the test server's redirect). The minicloud
# realm is imported on first start and brought up to date on every later one
# (keycloak_sync_realm): an import happens only once, so a realm made by an older minicloud
# would otherwise never see what the file gained since.
# shellcheck shell=bash

KC_VERSION=$(pom_property keycloak.version)
KC_PORT=${MINICLOUD_KEYCLOAK_PORT:-8180}
KC_HOME=$STATE/keycloak/keycloak-$KC_VERSION
KC_PIDFILE=$RUN_DIR/keycloak.pid
# What kc.sh prints (builds, exports, and at run time warnings and errors only) ...
KC_LOG=$LOG_DIR/keycloak.log
# ... and everything Keycloak logs, in a file that rotates while it runs (10 MiB, three old ones kept).
KC_FILE_LOG=$KC_HOME/data/log/keycloak.log
# Where people reach Keycloak, the host name in every address and token it makes: this machine by
# default; behind a TLS proxy, MINICLOUD_KEYCLOAK_PUBLIC_URL (e.g. https://id.example.com).
KC_URL=${MINICLOUD_KEYCLOAK_PUBLIC_URL:-http://$PUBLIC_HOST:$KC_PORT}
KC_URL=${KC_URL%/}
KC_REALM_URL=$KC_URL/realms/minicloud
# Where this machine's scripts reach it, whatever its public address.
KC_LOCAL=http://127.0.0.1:$KC_PORT
KC_LOCAL_REALM_URL=$KC_LOCAL/realms/minicloud
# Keycloak runs as a system user of its own: it owns its install and data, and nothing else.
KC_USER=minicloud-keycloak
# Build-time options: a change makes 'up' build Keycloak again.
KC_BUILD_OPTIONS=(--db=mariadb)
KC_DB=keycloak
# What a cloud was made as (demo or production), recorded at its first start: the two realms
# differ in who may sign in, so one never turns into the other.
KC_MODE_FILE=$STATE/keycloak/mode
# What the running Keycloak was started as (keycloak_release), written by root at its start.
KC_RELEASE_FILE=$RUN_DIR/keycloak.release

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

keycloak_mode() {
  if [ "${MINICLOUD_DEMO:-1}" = 1 ]; then echo demo; else echo production; fi
}

# Stops early when this state directory holds a cloud made in the other mode.
keycloak_check_mode() {
  local made
  made=$(cat "$KC_MODE_FILE" 2>/dev/null) || return 0
  [ "$made" = "$(keycloak_mode)" ] && return 0
  if [ "$made" = demo ]; then
    die "the cloud in $STATE was made in demo mode (demo users whose passwords are their names); a production cloud needs a state directory of its own: MINICLOUD_DEMO=0 MINICLOUD_STATE=/var/lib/minicloud-production deploy/minicloud up"
  fi
  die "the cloud in $STATE was made in production mode; run it without MINICLOUD_DEMO=1, or give a demo cloud a state directory of its own (MINICLOUD_STATE=...)"
}

# The realm as imported: the portal's and its service account's client secrets and redirect URLs
# filled in (exact, see SignIn.java). Demo mode keeps the demo users and organizations and the CLI's password grant;
# production mode has only the first cloud admin, with a generated password to change at the
# first sign-in, and scripts sign in through the browser (the device grant). The portal's access
# tokens live MINICLOUD_ROLE_REFRESH_SECONDS (60): a role taken away in Keycloak keeps working in
# an open tab until the token is refreshed.
keycloak_realm() {
  local urls first_admin="" refresh=${MINICLOUD_ROLE_REFRESH_SECONDS:-60}
  [[ "$refresh" =~ ^[1-9][0-9]*$ ]] || die "MINICLOUD_ROLE_REFRESH_SECONDS must be a number of seconds, not '$refresh'"
  # one exact address each (the portal's /sso/login): a wildcard would let a crafted link hand the code to any page
  urls=$(printf '"%s/sso/login"' "$WF_URL")
  if [ "$(keycloak_mode)" = demo ]; then
    urls="$urls,\"http://localhost:9080/sso/login\""
  else
    first_admin=$(secret first-admin-password)
  fi
  jq --arg secret "$(secret oidc-client-secret)" --arg admin "$(secret keycloak-service-secret)" \
      --argjson urls "[$urls]" --arg mode "$(keycloak_mode)" --arg first "$first_admin" --arg refresh "$refresh" '
      (.clients[] | select(.clientId == "minicloud-portal")) |= (.secret = $secret | .redirectUris = $urls
        | .attributes["access.token.lifespan"] = $refresh)
      | (.clients[] | select(.clientId == "minicloud-admin")) |= (.secret = $admin)
      | if $mode == "demo" then . else
          (.clients[] | select(.clientId == "minicloud-cli")) |= (.directAccessGrantsEnabled = false)
          | .users |= map(select(.serviceAccountClientId or .username == "admin")
              | if .username == "admin" then .credentials = [{type: "password", value: $first, temporary: true}]
                  | .requiredActions = ["UPDATE_PASSWORD"] else . end)
          | del(.organizations) | del(.groups)
        end' \
    "$REPO/deploy/keycloak/minicloud-realm.json"
}

keycloak_healthy() {
  curl -sf -o /dev/null "$KC_LOCAL_REALM_URL/.well-known/openid-configuration"
}

# Starts Keycloak, or restarts it when what runs is not what this minicloud would start (another
# Keycloak version, build or start options, or one an older minicloud started, which recorded
# none): 'up' after 'git pull' must not leave the old one running.
keycloak_start() {
  if pid_alive "$KC_PIDFILE" && [ "$(cat "$KC_RELEASE_FILE" 2>/dev/null)" != "$(keycloak_release)" ]; then
    say "Keycloak's version or options changed: restarting it"
    keycloak_stop
  fi
  if ! pid_alive "$KC_PIDFILE"; then
    keycloak_launch
  fi
  keycloak_sync_realm
}

# What a start runs: Keycloak's version, its build options and its start options.
keycloak_release() {
  printf '%s build %s start %s\n' "$KC_VERSION" "${KC_BUILD_OPTIONS[*]}" "$(keycloak_start_options)"
}

# kc.sh start's options. --cache=local (a run-time option): one node, so no cluster of caches over
# JGroups, whose discovery writes to the database and failed there whenever MariaDB restarted.
keycloak_start_options() {
  printf '%s\n' --optimized --http-enabled=true --http-host=127.0.0.1 --http-port="$KC_PORT" --hostname="$KC_URL" \
    --import-realm --cache=local --log=console,file --log-console-level=warn --log-file="$KC_FILE_LOG" \
    --log-file-rotation-max-file-size=10M --log-file-rotation-max-backup-index=3 \
    ${MINICLOUD_KEYCLOAK_PUBLIC_URL:+--proxy-headers=xforwarded}
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
  # Keycloak's user owns only what Keycloak writes: its data and its build (lib/quarkus). Root
  # keeps the rest and touches those two only as that user, so it never follows a link Keycloak
  # could have planted there.
  chown -R root: "$STATE/keycloak"
  mkdir -p "$KC_HOME/data" "$KC_HOME/lib/quarkus"
  chown -R "$KC_USER:" "$KC_HOME/data" "$KC_HOME/lib/quarkus"
  as_keycloak mkdir -p "$KC_HOME/data/import" "$KC_HOME/data/log"
  as_keycloak chmod 700 "$KC_HOME/data" "$KC_HOME/data/import"
  mariadb_ensure_database "$KC_DB" "$KC_DB" keycloak-db-password
  # A MariaDB that restarted leaves dead connections in Keycloak's pool (the next requests fail):
  # a connection idle for 2 s is checked before it is used.
  printf 'quarkus.datasource.jdbc.foreground-validation-interval=2S\n' > "$KC_HOME/conf/quarkus.properties"
  keycloak_leave_h2
  keycloak_build
  # the import file holds the client secrets and passwords: 0600, and gone once imported
  if as_keycloak test -f "$KC_HOME/data/h2-export/minicloud-realm.json"; then
    as_keycloak mv "$KC_HOME/data/h2-export/minicloud-realm.json" "$KC_HOME/data/import/minicloud-realm.json"
  else
    keycloak_realm | as_keycloak sh -c 'umask 077; cat > "$1"' import "$KC_HOME/data/import/minicloud-realm.json"
  fi
  say "starting Keycloak $KC_VERSION on $KC_URL as user $KC_USER (production mode, its data in MariaDB)"
  # Secrets go in the environment (only its owner and root read /proc/PID/environ), not on the command line.
  local options
  rm -f "$KC_RELEASE_FILE"
  mapfile -t options < <(keycloak_start_options)
  KC_DB_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/$KC_DB" KC_DB_USERNAME=$KC_DB KC_DB_PASSWORD=$(secret keycloak-db-password) \
  KC_BOOTSTRAP_ADMIN_USERNAME=kcadmin KC_BOOTSTRAP_ADMIN_PASSWORD=$(secret keycloak-admin-password) \
    daemonize "$KC_PIDFILE" "$KC_LOG" "${KC_AS_USER[@]}" env HOME="$KC_HOME/data" "$KC_HOME/bin/kc.sh" start "${options[@]}"
  wait_until 300 Keycloak "$KC_LOG" "$KC_PIDFILE" keycloak_healthy
  keycloak_release > "$KC_RELEASE_FILE"
  as_keycloak rm -rf "$KC_HOME/data/import/minicloud-realm.json" "$KC_HOME/data/h2-export"
  [ -f "$KC_MODE_FILE" ] || keycloak_mode > "$KC_MODE_FILE"
}

# Keycloak is built once for what KC_BUILD_OPTIONS say; a build for other options (an older
# minicloud's start-dev) is made again.
keycloak_build() {
  local mark=$KC_HOME/lib/quarkus/minicloud-build-options
  [ "$(cat "$mark" 2>/dev/null)" = "${KC_BUILD_OPTIONS[*]}" ] && return
  say "building Keycloak $KC_VERSION for MariaDB (once: about a minute)"
  as_keycloak env HOME="$KC_HOME/data" "$KC_HOME/bin/kc.sh" build "${KC_BUILD_OPTIONS[@]}" >>"$KC_LOG" 2>&1 \
    || die "Keycloak could not be built; see $KC_LOG"
  printf '%s\n' "${KC_BUILD_OPTIONS[*]}" | as_keycloak sh -c 'cat > "$1"' mark "$mark"
}

# An older minicloud ran Keycloak in development mode on H2 (data/h2). Its realm, users and
# their passwords with it, is exported once and imported into MariaDB by the next start; the
# H2 files stay beside it, renamed, until an operator removes them.
keycloak_leave_h2() {
  as_keycloak test -d "$KC_HOME/data/h2" || return 0
  say "moving Keycloak's realm from its development database (H2) to MariaDB (once: about a minute)"
  as_keycloak env HOME="$KC_HOME/data" "$KC_HOME/bin/kc.sh" export --db=dev-file --dir "$KC_HOME/data/h2-export" \
      --realm minicloud --users realm_file >>"$KC_LOG" 2>&1 \
    || die "could not export the realm from Keycloak's H2 database; see $KC_LOG"
  as_keycloak mv "$KC_HOME/data/h2" "$KC_HOME/data/h2.before-mariadb"
  # the export's build was for H2: build for MariaDB again
  as_keycloak rm -f "$KC_HOME/lib/quarkus/minicloud-build-options"
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
  if ! pid_alive "$KC_PIDFILE"; then
    echo "stopped"
  elif keycloak_healthy; then
    echo "running on $KC_URL, the realm answers"
  else
    echo "running on $KC_URL, but the realm does NOT answer (see $KC_LOG)"
  fi
}

# An access token for a user through the command-line client, as scripts get one (demo mode:
# production mode has no password grant).
keycloak_token() {
  printf '%s' "$2" | curl -sf "$KC_LOCAL_REALM_URL/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=minicloud-cli --data-urlencode "username=$1" --data-urlencode "password@-" \
    -d 'scope=organization:*' | jq -r .access_token
}

# A cloud admin's access token for a script: the demo admin's (or MINICLOUD_ADMIN_USER's) password
# in demo mode; in production mode a sign-in in the browser (OAuth's device authorization grant),
# whose address the script prints and then waits for.
keycloak_admin_token() {
  if [ "$(keycloak_mode)" = demo ]; then
    keycloak_token "${MINICLOUD_ADMIN_USER:-admin}" "${MINICLOUD_ADMIN_PASSWORD:-admin}"
    return
  fi
  local answer device interval deadline token
  answer=$(curl -sf "$KC_LOCAL_REALM_URL/protocol/openid-connect/auth/device" -d client_id=minicloud-cli \
    -d 'scope=organization:*') || return 1
  device=$(jq -r .device_code <<<"$answer")
  interval=$(jq -r '.interval // 5' <<<"$answer")
  deadline=$((SECONDS + $(jq -r '.expires_in // 600' <<<"$answer")))
  printf 'Sign in as a cloud admin to go on: open %s\n' "$(jq -r .verification_uri_complete <<<"$answer")" >&2
  while (( SECONDS < deadline )); do
    sleep "$interval"
    token=$(printf '%s' "$device" | curl -s "$KC_LOCAL_REALM_URL/protocol/openid-connect/token" -d client_id=minicloud-cli \
      -d grant_type=urn:ietf:params:oauth:grant-type:device_code --data-urlencode "device_code@-" | jq -r '.access_token // empty')
    if [ -n "$token" ]; then
      echo "$token"
      return 0
    fi
  done
  return 1
}

# shellcheck source=keycloak-realm-sync.sh
. "$REPO/deploy/lib/keycloak-realm-sync.sh"
