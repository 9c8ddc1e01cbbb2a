#!/usr/bin/env bash
# A private MariaDB for backoffice: no systemd, its own data directory,
# socket and port. Used by the demo, the tests and CI.
#
#   tools/db.sh start  [--dir DIR] [--port PORT|auto]   start (creating it if new)
#   tools/db.sh stop   [--dir DIR]                      stop it (SIGTERM, clean)
#   tools/db.sh status [--dir DIR]                      say whether it runs
#   tools/db.sh env    [--dir DIR]                      print export lines for the server
#   tools/db.sh create-database NAME [--fresh] [--dir DIR]  (re)create a database
#
# DIR defaults to .local/mariadb in the repository (git-ignored); PORT to
# $BACKOFFICE_DB_PORT or 33306 ("auto" picks a free one). The application user
# 'backoffice'@'127.0.0.1' gets a random password kept in DIR/password (mode
# 0600); it is never printed.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cmd=${1:-status}
shift || true
dir="$repo/.local/mariadb"
port="${BACKOFFICE_DB_PORT:-}"
database=""
fresh=0
if [[ $cmd == create-database ]]; then
  database=${1:?usage: tools/db.sh create-database NAME [--fresh]}
  shift
fi
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dir=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --fresh) fresh=1; shift ;;
    *) echo "db.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
cnf="$dir/my.cnf"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Ports are picked below the kernel's ephemeral range (32768 and up on
# Debian): a client that keeps dialling a stopped server's ephemeral port can
# be given that same port as its source and connect to itself, and then holds
# it so the server cannot bind again when it restarts.
pick_free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 12000))
    if ! port_in_use "$p"; then echo "$p"; return; fi
  done
  echo "db.sh: no free port found" >&2
  exit 1
}

running() {
  [[ -f "$dir/run/mariadb.pid" ]] && kill -0 "$(cat "$dir/run/mariadb.pid")" 2>/dev/null
}

write_cnf() {
  cat >"$cnf" <<CNF
[mariadbd]
user=root
datadir=$dir/data
socket=$dir/run/mariadb.sock
pid-file=$dir/run/mariadb.pid
tmpdir=$dir/tmp
log-error=$dir/log/error.log
bind-address=127.0.0.1
port=$1
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_bin
innodb_buffer_pool_size=256M
innodb_flush_log_at_trx_commit=1
max_connections=500

[client-server]
socket=$dir/run/mariadb.sock
port=$1
CNF
}

start() {
  if running; then
    echo "MariaDB already running on port $(cat "$dir/port") ($dir)"
    return
  fi
  if [[ -z "$port" || "$port" == auto ]]; then
    if [[ -f "$dir/port" && -z "$port" ]] && ! port_in_use "$(cat "$dir/port")"; then
      port=$(cat "$dir/port")
    elif [[ -z "$port" ]] && ! port_in_use 33306; then
      port=33306
    else
      port=$(pick_free_port)
    fi
  fi
  mkdir -p "$dir/data" "$dir/run" "$dir/tmp" "$dir/log"
  write_cnf "$port"
  echo "$port" >"$dir/port"
  local fresh=0
  if [[ ! -d "$dir/data/mysql" ]]; then
    fresh=1
    mariadb-install-db --defaults-file="$cnf" --user=root --datadir="$dir/data" \
      --skip-test-db --auth-root-authentication-method=socket >"$dir/log/install.log" 2>&1
  fi
  # setsid: the server outlives this script and ignores its terminal's signals.
  setsid mariadbd --defaults-file="$cnf" >>"$dir/log/stdout.log" 2>&1 < /dev/null &
  for _ in $(seq 1 200); do
    if mariadb-admin --defaults-file="$cnf" ping >/dev/null 2>&1; then break; fi
    sleep 0.1
  done
  if ! mariadb-admin --defaults-file="$cnf" ping >/dev/null 2>&1; then
    echo "db.sh: MariaDB did not start; see $dir/log/error.log" >&2
    tail -20 "$dir/log/error.log" >&2 || true
    exit 1
  fi
  if [[ $fresh == 1 || ! -f "$dir/password" ]]; then
    umask 077
    head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/password"
    local pw
    pw=$(cat "$dir/password")
    # The password reaches mariadb on stdin, never on a command line.
    mariadb --defaults-file="$cnf" -uroot <<SQL
CREATE USER IF NOT EXISTS 'backoffice'@'127.0.0.1' IDENTIFIED BY '$pw';
ALTER USER 'backoffice'@'127.0.0.1' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON *.* TO 'backoffice'@'127.0.0.1';
CREATE DATABASE IF NOT EXISTS backoffice CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
SQL
  fi
  echo "MariaDB running on 127.0.0.1:$port ($dir)"
}

stop() {
  if ! running; then
    echo "MariaDB is not running ($dir)"
    return
  fi
  local pid
  pid=$(cat "$dir/run/mariadb.pid")
  kill -TERM "$pid"
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  echo "MariaDB stopped ($dir)"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  status)
    if running; then echo "running on 127.0.0.1:$(cat "$dir/port") ($dir)"; else echo "stopped ($dir)"; exit 3; fi ;;
  env)
    [[ -f "$dir/port" ]] || { echo "db.sh: not initialised; run start" >&2; exit 1; }
    echo "export BACKOFFICE_DB_HOST=127.0.0.1"
    echo "export BACKOFFICE_DB_PORT=$(cat "$dir/port")"
    echo "export BACKOFFICE_DB_USER=backoffice"
    echo "export BACKOFFICE_DB_NAME=\${BACKOFFICE_DB_NAME:-backoffice}"
    echo "export BACKOFFICE_DB_PASSWORD_FILE=$dir/password"
    ;;
  create-database)
    running || { echo "db.sh: MariaDB is not running ($dir)" >&2; exit 1; }
    [[ $database =~ ^[A-Za-z0-9_]+$ ]] || { echo "db.sh: bad database name" >&2; exit 2; }
    if [[ $fresh == 1 ]]; then
      mariadb --defaults-file="$cnf" -uroot -e "DROP DATABASE IF EXISTS \`$database\`"
    fi
    mariadb --defaults-file="$cnf" -uroot -e \
      "CREATE DATABASE IF NOT EXISTS \`$database\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
    ;;
  *) echo "usage: tools/db.sh start|stop|status|env|create-database [--dir DIR] [--port PORT|auto]" >&2; exit 2 ;;
esac
