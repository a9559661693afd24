#!/usr/bin/env bash
# Start GPMB on this machine: npm dependencies, PostgreSQL and Redis (installed from Debian's packages when absent,
# data under .data/), migrations, seeds, then the API and the worker. Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh

ensure_node_modules
ensure_fonts
ensure_services
trap 'stop_started_services' EXIT

log "building the API and the web app"
npm run -s build
npm run -s build -w web >/dev/null
log "migrating (as the owner) and seeding (as the application)"
node dist/src/cli.js migrate
node dist/src/cli.js seed

export PORT=${PORT:-3000} HOST=${HOST:-127.0.0.1}
base="http://$HOST:$PORT"
cat >&2 <<MSG

  GPMB is starting (API and worker: APP_MODE=${APP_MODE:-all})
    Web app  $base/                (sign in with a demo login below)
    API      $base/api/v1          health: $base/api/v1/health
    API docs $base/api/docs
    Demo logins (password: gpmb-demo): canbo.ttptqd (Trung tâm), lanhdao.ttptqd (lãnh đạo Trung tâm),
      phong.tnmt, phong.nnptnt, phong.ktht, xa.hopthanh (cán bộ xã Hợp Thành), lanhdao.huyen,
      chudautu.bot (chủ đầu tư), quantri (quản trị), thanhtra (thanh tra)
    Ctrl-C stops the app and the services this command started.

MSG
# Not exec: the EXIT trap must run after the app stops, to stop PostgreSQL and Redis. The running app never holds
# the owner's credentials: it connects as the application's role only (README "Security").
env -u DATABASE_OWNER_URL node dist/src/main.js &
app=$!
trap 'kill -TERM $app 2>/dev/null; wait $app 2>/dev/null; stop_started_services' INT TERM
wait $app
