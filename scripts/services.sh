# shellcheck shell=bash
# Sourced by scripts/up.sh and scripts/test.sh: makes PostgreSQL and Redis available and exports
# DATABASE_URL and REDIS_URL.
#
# - If DATABASE_URL / REDIS_URL are already set, that server is used as it is (nothing is installed or started).
# - Otherwise PostgreSQL and Redis are installed from Debian's packages when absent, and started on 127.0.0.1 only,
#   with their data under .data/ in the project (git-ignored), on ports GPMB_PG_PORT (55432) and GPMB_REDIS_PORT (56379)
#   so they never collide with a system-wide server.
# - GPMB_STARTED_SERVICES lists what this script started, so the caller can stop exactly that on exit.

GPMB_ROOT=${GPMB_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
GPMB_DATA="$GPMB_ROOT/.data"
GPMB_PG_PORT=${GPMB_PG_PORT:-55432}
GPMB_REDIS_PORT=${GPMB_REDIS_PORT:-56379}
GPMB_STARTED_SERVICES=""

log() { printf '[gpmb] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

apt_install() {
  log "installing from Debian's packages: $*"
  if [ -z "${GPMB_APT_UPDATED:-}" ]; then as_root apt-get update -qq; GPMB_APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

# PostgreSQL refuses to run as root: run its server binaries as the 'postgres' system user when we are root.
pg_run() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local bin pgdata="$GPMB_DATA/postgres" logf="$GPMB_DATA/postgres.log"
  bin=$(pg_bindir) || { apt_install postgresql; bin=$(pg_bindir) || { log "PostgreSQL install failed"; return 1; }; }
  mkdir -p "$GPMB_DATA"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql --shell /bin/bash postgres
    chmod o+rx "$GPMB_DATA"
    if ! runuser -u postgres -- test -x "$GPMB_DATA"; then
      # A parent folder (e.g. /root) is closed to the postgres user: keep the cluster in its home instead.
      pgdata="/var/lib/postgresql/gpmb-$(echo "$GPMB_ROOT" | md5sum | cut -c1-8)"; logf="$pgdata.log"
      log "project folder not reachable by the postgres user; PostgreSQL data goes to $pgdata"
    fi
  fi
  GPMB_PGDATA="$pgdata"
  if [ ! -s "$pgdata/PG_VERSION" ]; then
    log "initialising PostgreSQL data in $pgdata"
    mkdir -p "$pgdata"
    if [ "$(id -u)" = 0 ]; then chown postgres "$pgdata"; fi
    local pw; pw=$(mktemp); echo gpmb >"$pw"; chmod 644 "$pw"
    pg_run "$bin/initdb" -D "$pgdata" -U gpmb --pwfile="$pw" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pw"
  fi
  touch "$logf"; if [ "$(id -u)" = 0 ]; then chown postgres "$logf"; fi
  if pg_run "$bin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    log "PostgreSQL already running on 127.0.0.1:$GPMB_PG_PORT"
  else
    log "starting PostgreSQL on 127.0.0.1:$GPMB_PG_PORT"
    pg_run "$bin/pg_ctl" -D "$pgdata" -l "$logf" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $GPMB_PG_PORT -k /tmp -c max_connections=200 -c fsync=${GPMB_PG_FSYNC:-on}" start >/dev/null
    GPMB_STARTED_SERVICES="$GPMB_STARTED_SERVICES postgres"
  fi
  GPMB_PG_CTL="$bin/pg_ctl"
  local i
  for i in $(seq 1 60); do
    PGPASSWORD=gpmb "$bin/psql" -h 127.0.0.1 -p "$GPMB_PG_PORT" -U gpmb -d postgres -Atc 'select 1' >/dev/null 2>&1 && break
    sleep 0.5
  done
  if ! PGPASSWORD=gpmb "$bin/psql" -h 127.0.0.1 -p "$GPMB_PG_PORT" -U gpmb -d postgres -Atc "select 1 from pg_database where datname='gpmb'" | grep -q 1; then
    PGPASSWORD=gpmb "$bin/createdb" -h 127.0.0.1 -p "$GPMB_PG_PORT" -U gpmb gpmb
  fi
  export DATABASE_URL="postgres://gpmb:gpmb@127.0.0.1:$GPMB_PG_PORT/gpmb"
}

start_redis() {
  local srv cli
  srv=$(command -v redis-server) || { apt_install redis-server; srv=$(command -v redis-server) || { log "Redis install failed"; return 1; }; }
  cli=$(command -v redis-cli)
  mkdir -p "$GPMB_DATA/redis"
  if "$cli" -h 127.0.0.1 -p "$GPMB_REDIS_PORT" ping >/dev/null 2>&1; then
    log "Redis already running on 127.0.0.1:$GPMB_REDIS_PORT"
  else
    log "starting Redis on 127.0.0.1:$GPMB_REDIS_PORT"
    # noeviction: BullMQ must never lose keys to eviction.
    "$srv" --bind 127.0.0.1 --port "$GPMB_REDIS_PORT" --dir "$GPMB_DATA/redis" --daemonize yes \
      --pidfile "$GPMB_DATA/redis/redis.pid" --logfile "$GPMB_DATA/redis.log" --maxmemory-policy noeviction \
      --appendonly yes --save ''
    local i
    for i in $(seq 1 40); do "$cli" -h 127.0.0.1 -p "$GPMB_REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.25; done
    GPMB_STARTED_SERVICES="$GPMB_STARTED_SERVICES redis"
  fi
  export REDIS_URL="redis://127.0.0.1:$GPMB_REDIS_PORT"
}

stop_started_services() {
  case " $GPMB_STARTED_SERVICES " in *" redis "*)
    log "stopping Redis"; redis-cli -h 127.0.0.1 -p "$GPMB_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true ;;
  esac
  case " $GPMB_STARTED_SERVICES " in *" postgres "*)
    log "stopping PostgreSQL"; pg_run "$GPMB_PG_CTL" -D "$GPMB_PGDATA" -m fast stop >/dev/null 2>&1 || true ;;
  esac
  GPMB_STARTED_SERVICES=""
}

ensure_services() {
  if [ -z "${DATABASE_URL:-}" ]; then start_postgres || return 1; else log "using DATABASE_URL as given"; fi
  if [ -z "${REDIS_URL:-}" ]; then start_redis || return 1; else log "using REDIS_URL as given"; fi
}

ensure_node_modules() {
  if [ ! -d "$GPMB_ROOT/node_modules" ] || [ "$GPMB_ROOT/package-lock.json" -nt "$GPMB_ROOT/node_modules/.package-lock.json" ]; then
    log "installing npm dependencies (npm ci)"
    # The lock file lists every platform's optional binaries (swc, msgpackr), so `npm ci` takes it as it is and never
    # rewrites it; package.json's allowScripts lets only argon2 build its native module.
    (cd "$GPMB_ROOT" && npm ci --no-audit --no-fund)
  fi
}

# Stops the PostgreSQL and Redis of this project (data under .data/, ports GPMB_PG_PORT / GPMB_REDIS_PORT), whoever
# started them: `npm run down`.
stop_project_services() {
  local bin pgdata
  if redis-cli -h 127.0.0.1 -p "$GPMB_REDIS_PORT" ping >/dev/null 2>&1; then
    log "stopping Redis on 127.0.0.1:$GPMB_REDIS_PORT"; redis-cli -h 127.0.0.1 -p "$GPMB_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  fi
  bin=$(pg_bindir) || return 0
  for pgdata in "$GPMB_DATA/postgres" "/var/lib/postgresql/gpmb-$(echo "$GPMB_ROOT" | md5sum | cut -c1-8)"; do
    if [ -s "$pgdata/PG_VERSION" ] && pg_run "$bin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
      log "stopping PostgreSQL ($pgdata)"; pg_run "$bin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true
    fi
  done
}

# Documents are rendered in Liberation Serif (Times-metric; version 2 has the Vietnamese letters, 1.x does not), embedded in every PDF.
GPMB_FONT_DIR_DEFAULT=/usr/share/fonts/truetype/liberation2
ensure_fonts() {
  if [ -z "${FONT_DIR:-}" ] && [ ! -f "$GPMB_FONT_DIR_DEFAULT/LiberationSerif-Regular.ttf" ]; then apt_install fonts-liberation2; fi
}

# Tests read generated PDFs back with pdftotext and pdfinfo (poppler-utils).
# The browser tests drive Debian's Chromium (Playwright's runner with that executable: no browser download).
ensure_chromium() {
  if ! command -v chromium >/dev/null; then apt_install chromium; fi
}

ensure_pdf_tools() {
  if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then apt_install poppler-utils; fi
}
