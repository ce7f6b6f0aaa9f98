# Shared by every deploy/minicloud command: where things live, how we report, wait and daemonize.
# shellcheck shell=bash

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE=${MINICLOUD_STATE:-/var/lib/minicloud}
LOG_DIR=$STATE/log
RUN_DIR=$STATE/run
SECRETS_DIR=$STATE/secrets
JAVA25_HOME=${MINICLOUD_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PUBLIC_HOST=localhost

say() { printf '==> %s\n' "$*"; }
warn() { printf 'minicloud: %s\n' "$*" >&2; }
die() { printf 'minicloud: %s\n' "$*" >&2; exit 1; }

# The version a property pins in the reactor pom, so scripts and Maven never disagree.
pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$REPO/pom.xml" | head -n 1
}

ensure_dirs() {
  mkdir -p "$LOG_DIR" "$RUN_DIR" "$SECRETS_DIR"
  chmod 755 "$STATE"
  chmod 700 "$SECRETS_DIR"
}

# A random secret, made once and kept in the state directory.
secret() {
  local file=$SECRETS_DIR/$1
  if [ ! -s "$file" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$file")
  fi
  cat "$file"
}

pid_alive() {
  [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

port_in_use() {
  [ -n "$(ss -ltnH "sport = :$1" 2>/dev/null)" ]
}

# Who listens on a port, for an error message: "mariadbd (pid 123)".
port_owner() {
  ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -n 1
}

require_free_port() {
  local port=$1 component=$2
  if port_in_use "$port"; then
    die "$component cannot start: port $port is already in use by $(port_owner "$port" || echo 'another process'). Stop that process or run 'deploy/minicloud down' first."
  fi
}

# Keeps a log from growing without bound: past 10 MiB it becomes LOG.1 (the older ones .2 and .3;
# the fourth is dropped). Done when its daemon starts.
rotate_log() {
  local log=$1 n
  [ -f "$log" ] && [ "$(stat -c %s "$log")" -gt $((10 * 1024 * 1024)) ] || return 0
  for n in 2 1; do
    [ -f "$log.$n" ] && mv -f "$log.$n" "$log.$((n + 1))"
  done
  mv -f "$log" "$log.1"
}

# Starts a daemon detached from this shell (no inherited stdin/stdout), recording its pid.
daemonize() {
  local pidfile=$1 log=$2
  shift 2
  rotate_log "$log"
  setsid "$@" </dev/null >>"$log" 2>&1 &
  echo $! > "$pidfile"
}

# wait_until SECONDS "what" LOG PIDFILE command...: polls until the command succeeds, showing
# progress; fails naming the log when time runs out or the process dies.
wait_until() {
  local seconds=$1 what=$2 log=$3 pidfile=$4
  shift 4
  local start=$SECONDS
  printf '    waiting for %s ' "$what"
  until "$@" >/dev/null 2>&1; do
    if [ -n "$pidfile" ] && ! pid_alive "$pidfile"; then
      printf '\n'
      die "$what stopped while starting; see $log"
    fi
    if (( SECONDS - start >= seconds )); then
      printf '\n'
      die "$what did not come up within ${seconds}s; see $log"
    fi
    printf '.'
    sleep 2
  done
  printf ' up after %ss\n' $((SECONDS - start))
}

# kill_tree PID: stops a process and everything it started (a background step's Maven, say).
kill_tree() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    kill_tree "$child"
  done
  kill "$1" 2>/dev/null || true
}

stop_pid() {
  local pidfile=$1 what=$2
  if pid_alive "$pidfile"; then
    local pid
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$what did not stop in 60s; killing it"
      kill -9 "$pid" 2>/dev/null || true
    fi
    say "stopped $what"
  fi
  rm -f "$pidfile"
}
