# shellcheck shell=bash
# Sourced by scripts/up.sh and scripts/test.sh: makes PostgreSQL and Redis available and exports
# DATABASE_URL (the application's role), DATABASE_OWNER_URL (the owner, for migrations) and REDIS_URL.
#
# - If DATABASE_URL / REDIS_URL are already set, that server is used as it is (nothing is installed or started);
#   DATABASE_OWNER_URL is then yours to set (without it, migrations run as DATABASE_URL's role).
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
    pg_run "$bin/initdb" -D "$pgdata" -U postgres --pwfile="$pw" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
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
  ensure_database_roles "$bin" || return 1
  export DATABASE_URL="postgres://gpmb_app:gpmb_app@127.0.0.1:$GPMB_PG_PORT/gpmb"
  export DATABASE_OWNER_URL="postgres://gpmb_owner:gpmb_owner@127.0.0.1:$GPMB_PG_PORT/gpmb"
}

# Three roles (README "Security"): the cluster's administrator (initdb's superuser: "postgres", or "gpmb" in clusters
# made before the roles were split), used only here; gpmb_owner, which owns the database and its schema, runs the
# migrations and (CREATEDB) makes the test databases; gpmb_app, the application's role: rows only, granted by the
# migrate command. Idempotent; it also moves a cluster of the one-role days over (tables owned by "gpmb").
ensure_database_roles() {
  local bin=$1 admin="" u i
  for i in $(seq 1 60); do
    for u in postgres gpmb; do
      if PGPASSWORD=gpmb "$bin/psql" -h 127.0.0.1 -p "$GPMB_PG_PORT" -U "$u" -d postgres -Atc 'select 1' >/dev/null 2>&1; then admin=$u; break 2; fi
    done
    sleep 0.5
  done
  [ -n "$admin" ] || { log "cannot reach PostgreSQL on 127.0.0.1:$GPMB_PG_PORT as its administrator"; return 1; }
  pg_admin() { PGPASSWORD=gpmb "$bin/psql" -h 127.0.0.1 -p "$GPMB_PG_PORT" -U "$admin" -v ON_ERROR_STOP=1 -qAt "$@"; }
  pg_admin -d postgres <<'SQL' >/dev/null
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gpmb_owner') THEN
    CREATE ROLE gpmb_owner LOGIN CREATEDB PASSWORD 'gpmb_owner';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gpmb_app') THEN
    CREATE ROLE gpmb_app LOGIN PASSWORD 'gpmb_app';
  END IF;
  -- The owner drops its test databases WITH (FORCE), which ends the application's sessions on them.
  IF NOT pg_has_role('gpmb_owner', 'pg_signal_backend', 'MEMBER') THEN
    GRANT pg_signal_backend TO gpmb_owner;
  END IF;
END $$;
SQL
  if ! pg_admin -d postgres -c "select 1 from pg_database where datname='gpmb'" | grep -q 1; then
    pg_admin -d postgres -c "CREATE DATABASE gpmb OWNER gpmb_owner"
  fi
  # Test and benchmark databases left by the one-role days: the owner drops them.
  pg_admin -d postgres <<'SQL' >/dev/null
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT datname FROM pg_database WHERE datname LIKE 'gpmb\_%' AND datdba <> 'gpmb_owner'::regrole
  LOOP EXECUTE format('ALTER DATABASE %I OWNER TO gpmb_owner', r.datname); END LOOP;
END $$;
SQL
  pg_admin -d gpmb <<'SQL' >/dev/null
ALTER DATABASE gpmb OWNER TO gpmb_owner;
DO $$ DECLARE r record; BEGIN
  -- Objects made by the one-role set-up: tables (with their triggers and owned sequences), views, functions, types.
  FOR r IN SELECT c.oid::regclass AS o FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relowner <> 'gpmb_owner'::regrole
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
  LOOP EXECUTE format('ALTER TABLE %s OWNER TO gpmb_owner', r.o); END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS o FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public' AND p.proowner <> 'gpmb_owner'::regrole
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
  LOOP EXECUTE format('ALTER FUNCTION %s OWNER TO gpmb_owner', r.o); END LOOP;
END $$;
SQL
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
