# Backup and restore of a cloud: both databases (the portal's and Keycloak's, in one consistent
# dump), the secrets and the image catalog's files, with a manifest of versions and checksums.
# Guests' disks are not in a backup (they live on the nodes; snapshots are a later feature).
# shellcheck shell=bash

BACKUP_FORMAT=1
BACKUP_DATABASES=(minicloud keycloak)

# The newest schema version this checkout's migrations make (portal and billing together).
backup_code_schema() {
  find "$REPO" -path '*/target' -prune -o -path '*/src/main/resources/db/migration/V*__*.sql' -print \
    | sed 's|.*/V\([0-9]*\)__.*|\1|' | sort -n | tail -n 1
}

# The schema version a running cloud's database has.
backup_database_schema() {
  mariadb_sql "SELECT MAX(CAST(version AS UNSIGNED)) FROM minicloud.flyway_schema_history WHERE success = 1" | tail -n 1
}

backup_make() {
  local dir=$1 schema
  if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
    die "$dir is not empty: a backup goes into a new or empty directory"
  fi
  pid_alive "$DB_PIDFILE" || die "MariaDB is not running: 'deploy/minicloud up' first (a backup is made while the cloud runs)"
  schema=$(backup_database_schema 2>/dev/null) && [ -n "$schema" ] && [ "$schema" != NULL ] \
    || die "the portal's database has no schema yet: start the portal once ('deploy/minicloud up'), then back it up"
  (umask 077 && mkdir -p "$dir") || die "cannot make the directory $dir"
  [ -w "$dir" ] || die "cannot write into $dir"
  chmod 700 "$dir"
  say "backing up into $dir (it holds the cloud's secrets: it is 0700, keep it so)"
  say "  1/3 the databases ${BACKUP_DATABASES[*]} (one consistent snapshot)"
  (umask 077 && mariadb-dump --socket="$DB_SOCKET" -uroot --single-transaction --routines --events \
      --databases "${BACKUP_DATABASES[@]}" > "$dir/databases.sql") \
    || backup_abandon "$dir" "the database dump failed (above)"
  say "  2/3 the secrets"
  (umask 077 && tar -C "$SECRETS_DIR" -cf "$dir/secrets.tar" .) || backup_abandon "$dir" "could not copy the secrets"
  mkdir -p "$IMAGES_DIR/catalog"
  say "  3/3 the image catalog ($(du -sh "$IMAGES_DIR/catalog" 2>/dev/null | cut -f1 || echo 0))"
  (umask 077 && tar -C "$IMAGES_DIR" -cf "$dir/images.tar" catalog) || backup_abandon "$dir" "could not copy the image catalog"
  (umask 077 && jq -n --argjson format "$BACKUP_FORMAT" --arg made "$(date -u +%FT%TZ)" --argjson schema "$schema" \
      --arg keycloak "$KC_VERSION" --arg mode "$(cat "$KC_MODE_FILE" 2>/dev/null || keycloak_mode)" \
      '{format: $format, made: $made, schema: $schema, keycloak: $keycloak, mode: $mode}' > "$dir/manifest.json")
  # the manifest is checked too: a restore trusts its versions and mode
  (cd "$dir" && umask 077 && sha256sum manifest.json databases.sql secrets.tar images.tar > SHA256SUMS)
  say "backed up: $(du -sh "$dir" | cut -f1) in $dir. Restore with: deploy/minicloud restore $dir"
}

# A backup that could not be finished leaves nothing behind (no half backup that looks whole).
backup_abandon() {
  rm -f "$1/databases.sql" "$1/secrets.tar" "$1/images.tar" "$1/manifest.json" "$1/SHA256SUMS"
  rmdir "$1" 2>/dev/null || true
  die "$2; nothing was kept"
}

# Checks a backup before anything is touched: complete, unchanged, and of a version this checkout runs.
backup_check() {
  local dir=$1 format schema code keycloak
  [ -f "$dir/manifest.json" ] && [ -f "$dir/SHA256SUMS" ] || die "$dir holds no minicloud backup (no manifest.json or SHA256SUMS)"
  (cd "$dir" && sha256sum --quiet -c SHA256SUMS >/dev/null 2>&1) \
    || die "the backup in $dir is damaged: $(cd "$dir" && sha256sum -c SHA256SUMS 2>&1 | grep -v ': OK$' | head -n 3 | tr '\n' ' ')"
  format=$(jq -r .format "$dir/manifest.json")
  [ "$format" = "$BACKUP_FORMAT" ] || die "the backup's format is $format; this minicloud reads format $BACKUP_FORMAT"
  schema=$(jq -r .schema "$dir/manifest.json")
  code=$(backup_code_schema)
  [ "$schema" -le "$code" ] \
    || die "the backup was made by a newer minicloud (schema $schema, this one knows up to $code): restore it with that version or newer"
  keycloak=$(jq -r .keycloak "$dir/manifest.json")
  [ "$(printf '%s\n%s\n' "$keycloak" "$KC_VERSION" | sort -V | tail -n 1)" = "$KC_VERSION" ] \
    || die "the backup's Keycloak ($keycloak) is newer than this minicloud's ($KC_VERSION)"
}

backup_restore() {
  local dir=$1
  [ -d "$dir" ] || die "no backup at $dir"
  backup_check "$dir"
  if [ -d "$DB_DIR/data" ] || [ -n "$(ls -A "$SECRETS_DIR" 2>/dev/null)" ]; then
    die "$STATE holds a cloud already: a restore never overwrites one. Run 'deploy/minicloud down' and move $STATE away (or set MINICLOUD_STATE to a new directory), then restore"
  fi
  say "restoring the backup of $(jq -r .made "$dir/manifest.json") (schema $(jq -r .schema "$dir/manifest.json"), $(jq -r .mode "$dir/manifest.json") mode) into $STATE"
  ensure_dirs
  ensure_packages
  say "  1/3 the secrets"
  tar -C "$SECRETS_DIR" -xf "$dir/secrets.tar" || die "could not restore the secrets"
  chmod 700 "$SECRETS_DIR"
  mkdir -p "$(dirname "$KC_MODE_FILE")"
  jq -r .mode "$dir/manifest.json" > "$KC_MODE_FILE"
  say "  2/3 the image catalog"
  mkdir -p "$IMAGES_DIR"
  tar -C "$IMAGES_DIR" -xf "$dir/images.tar" || die "could not restore the image catalog"
  say "  3/3 the databases"
  mariadb_start
  mariadb --socket="$DB_SOCKET" -uroot < "$dir/databases.sql" \
    || die "loading the databases failed (above; $DB_LOG). The restore stopped half way: run 'deploy/minicloud down', remove $STATE and restore again"
  mariadb_ensure_database minicloud
  mariadb_ensure_database "$KC_DB" "$KC_DB" keycloak-db-password
  say "restored. Start the cloud with: deploy/minicloud up (guests whose disks are gone show what the reconciler finds)"
}
