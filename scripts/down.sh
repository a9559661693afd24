#!/usr/bin/env bash
# Stop the PostgreSQL and Redis that `npm run up`, `npm test` or `npm run bench` started for this project.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
stop_project_services
log "stopped (data kept under .data/)"
