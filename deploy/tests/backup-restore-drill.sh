#!/usr/bin/env bash
# Backup and restore of the cloud in MINICLOUD_STATE as it stands (tenants, users, quotas, networks,
# images, instances' records, the audit log, the realm), its portal stopped so that nothing writes
# meanwhile: 'backup' while MariaDB and Keycloak run,
# then 'restore' into a new state directory with a MariaDB of its own, and every table compared
# (Keycloak's sessions and events aside: they change by themselves). Bad input first: a backup
# into a directory that is not empty, a damaged backup (a file or the manifest changed), a restore
# onto a cloud that holds data.
# Run by the upgrade drill on the cloud it upgraded; deletes what it made.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=drill.sh
. deploy/tests/drill.sh "backup/restore drill" mariadb keycloak

scratch=$(mktemp -d)
chmod 755 "$scratch" # MariaDB (user mysql) keeps the restored cloud's data in there
restored=$scratch/state
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cleanup() {
  MINICLOUD_STATE=$restored MINICLOUD_DB_PORT=$port deploy/minicloud down >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT

# refused COMMAND... TEXT: the command must fail saying TEXT.
refused() {
  local text=${*: -1} output
  if output=$("${@:1:$#-1}" 2>&1); then fail "'${*:1:$#-1}' did not refuse"; fi
  grep -qF -- "$text" <<<"$output" || fail "'${*:1:$#-1}' said: $output"
}

started=$SECONDS
deploy/minicloud backup "$scratch/backup" >/dev/null || fail "the backup failed"
took_backup=$((SECONDS - started))
refused deploy/minicloud backup "$scratch/backup" "is not empty"

cp -r "$scratch/backup" "$scratch/damaged"
printf 'x' >> "$scratch/damaged/images.tar"
refused env MINICLOUD_STATE="$scratch/never" deploy/minicloud restore "$scratch/damaged" "is damaged"
[ ! -e "$scratch/never" ] || fail "a refused restore made $scratch/never"
cp -r "$scratch/backup" "$scratch/altered"
jq '.schema = 1' "$scratch/backup/manifest.json" > "$scratch/altered/manifest.json"
refused env MINICLOUD_STATE="$scratch/never" deploy/minicloud restore "$scratch/altered" "is damaged"
refused deploy/minicloud restore "$scratch/backup" "holds a cloud already"

started=$SECONDS
MINICLOUD_STATE=$restored MINICLOUD_DB_PORT=$port deploy/minicloud restore "$scratch/backup" >/dev/null \
  || fail "the restore failed"
took_restore=$((SECONDS - started))

# Every table's checksum, in the running cloud and in the restored one.
checksums() {
  local socket=$1 database table
  for database in minicloud "$KC_DB"; do
    mariadb --socket="$socket" -uroot -N -e "SELECT table_name FROM information_schema.tables
        WHERE table_schema = '$database' AND table_name NOT LIKE '%SESSION%' AND table_name NOT LIKE '%EVENT%'
        AND table_name NOT IN ('REVOKED_TOKEN', 'JGROUPS_PING') ORDER BY table_name" </dev/null \
      | while read -r table; do
          mariadb --socket="$socket" -uroot -N -e "CHECKSUM TABLE \`$database\`.\`$table\`" </dev/null
        done
  done
}
checksums "$DB_SOCKET" > "$scratch/before"
checksums "$restored/mariadb/mysqld.sock" > "$scratch/after"
tables=$(wc -l < "$scratch/before")
[ "$tables" -gt 50 ] || fail "only $tables tables were compared"
diff "$scratch/before" "$scratch/after" >&2 || fail "the restored tables differ (above)"
cmp -s <(cd "$SECRETS_DIR" && sha256sum ./*) <(cd "$restored/secrets" && sha256sum ./*) || fail "the secrets differ"
diff -r "$(dirname "$SECRETS_DIR")/images/catalog" "$restored/images/catalog" >&2 || fail "the image catalog differs (above)"
[ "$(stat -c %a "$restored/secrets")" = 700 ] || fail "the restored secrets directory is not 0700"
printf 'ok   backup/restore: %s tables, the secrets and the image catalog came back identical; backup %ss, restore %ss; a full directory, a damaged backup and a cloud with data were refused\n' \
  "$tables" "$took_backup" "$took_restore"
