# minicloud's own MariaDB in the state directory, on its own port (a distro MariaDB may hold 3306).
# shellcheck shell=bash

DB_PORT=${MINICLOUD_DB_PORT:-3307}
DB_DIR=$STATE/mariadb
DB_SOCKET=$DB_DIR/mysqld.sock
DB_PIDFILE=$DB_DIR/mariadb.pid
DB_LOG=$LOG_DIR/mariadb.log
DB_USER=minicloud

mariadb_start() {
  if pid_alive "$DB_PIDFILE"; then
    return
  fi
  require_free_port "$DB_PORT" MariaDB
  mkdir -p "$DB_DIR"
  chown mysql:mysql "$DB_DIR"
  if [ ! -d "$DB_DIR/data/mysql" ]; then
    say "initialising MariaDB in $DB_DIR/data"
    mariadb-install-db --user=mysql --datadir="$DB_DIR/data" --skip-test-db >>"$DB_LOG" 2>&1 \
      || die "MariaDB could not initialise its data directory; see $DB_LOG"
  fi
  say "starting MariaDB on 127.0.0.1:$DB_PORT"
  daemonize "$RUN_DIR/mariadb.launcher.pid" "$DB_LOG" mariadbd --user=mysql --datadir="$DB_DIR/data" \
    --socket="$DB_SOCKET" --port="$DB_PORT" --bind-address=127.0.0.1 --pid-file="$DB_PIDFILE" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci
  wait_until 60 MariaDB "$DB_LOG" "$RUN_DIR/mariadb.launcher.pid" mariadb-admin --socket="$DB_SOCKET" ping
}

mariadb_stop() {
  stop_pid "$DB_PIDFILE" MariaDB
  rm -f "$RUN_DIR/mariadb.launcher.pid"
}

# The statements go in on stdin, never on the command line, where ps would show a password in them.
mariadb_sql() {
  printf '%s\n' "$1" | mariadb --socket="$DB_SOCKET" -uroot
}

# A database and the user that owns it (the portal's by default); the password lives in secrets/.
mariadb_ensure_database() {
  local name=$1 user=${2:-$DB_USER} password
  password=$(secret "${3:-db-password}")
  mariadb_sql "CREATE DATABASE IF NOT EXISTS \`$name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$password';
    CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$password';
    GRANT ALL PRIVILEGES ON \`$name\`.* TO '$user'@'127.0.0.1';
    GRANT ALL PRIVILEGES ON \`$name\`.* TO '$user'@'localhost';" \
    || die "could not create database $name; see $DB_LOG"
}

mariadb_recreate_database() {
  mariadb_sql "DROP DATABASE IF EXISTS \`$1\`;"
  mariadb_ensure_database "$1"
}

mariadb_status() {
  if ! pid_alive "$DB_PIDFILE"; then
    echo "stopped"
  elif mariadb-admin --socket="$DB_SOCKET" ping >/dev/null 2>&1; then
    echo "running on 127.0.0.1:$DB_PORT, answers"
  else
    echo "running on 127.0.0.1:$DB_PORT, but does NOT answer (see $DB_LOG)"
  fi
}
