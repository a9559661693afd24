#!/usr/bin/env bash
# Benchmarks (speed and memory targets are checked here, not by timed tests). Each bench makes its own database,
# prints a table and writes it under docs/. Usage: npm run bench [-- import|cases|plans|documents|progress|load|web]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
ensure_node_modules
ensure_fonts
ensure_services
rm -rf dist && npx tsc -p tsconfig.json
which=${1:-all}
run() { log "bench: $1"; node "dist/scripts/bench-$1.js"; }
if [ "$which" = all ] || [ "$which" = import ]; then run import; fi
if [ "$which" = all ] || [ "$which" = cases ]; then run cases; fi
if [ "$which" = all ] || [ "$which" = plans ]; then run plans; fi
if [ "$which" = all ] || [ "$which" = documents ]; then run documents; fi
if [ "$which" = all ] || [ "$which" = progress ]; then run progress; fi
if [ "$which" = all ] || [ "$which" = load ]; then run load; fi
if [ "$which" = all ] || [ "$which" = web ]; then npm run -s build -w web >/dev/null; run web; fi
