#!/usr/bin/env bash
# Run the whole test suite the way a new user would: npm dependencies, PostgreSQL and Redis (installed and started
# as by `npm run up`), a type check, then unit, integration and end-to-end tests against the real servers.
# Extra arguments go to jest (e.g. `npm test -- test/e2e/auth.spec.ts`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh

ensure_node_modules
ensure_fonts
ensure_pdf_tools
ensure_chromium
# On a developer machine the services stay up for the next run (and the command says so); CI stops them.
GPMB_PG_FSYNC=${GPMB_PG_FSYNC:-off} ensure_services
if [ -n "${CI:-}" ]; then
  trap 'stop_started_services' EXIT
elif [ -n "$GPMB_STARTED_SERVICES" ]; then
  trap 'log "left running for the next run:$GPMB_STARTED_SERVICES (127.0.0.1:$GPMB_PG_PORT, :$GPMB_REDIS_PORT); npm run down stops them"' EXIT
fi

log "type-checking and compiling (dist/ also serves jest's globalSetup)"
rm -rf dist
npx tsc -p tsconfig.json
log "checking module boundaries"
npx depcruise src --config .dependency-cruiser.cjs --output-type err
log "checking the layout (Prettier) and the code (ESLint, type-aware)"
npx prettier --check . --log-level warn
npx eslint . --max-warnings 0

log "checking and building the web app (web/dist, served by the API at /)"
(cd web && npx --no-install tsc -p tsconfig.json --noEmit && npm run -s build >/dev/null)

export NODE_ENV=test
status=0
node --experimental-vm-modules node_modules/jest/bin/jest.js --ci "$@" || status=$?

# The browser tests run with the whole suite (not when jest is given test paths to run).
browser=1
for arg in "$@"; do case "$arg" in -*) ;; *) browser=0 ;; esac; done
if [ "$browser" = 1 ] && [ -z "${GPMB_SKIP_BROWSER:-}" ]; then
  log "browser tests: Playwright's runner driving Debian's Chromium against the real API, database, Redis and worker"
  (cd web && npx --no-install playwright test) || status=$?
fi
exit "$status"
