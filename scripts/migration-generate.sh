#!/usr/bin/env bash
# Generate a migration from the difference between the entities and the (migrated) local database.
# Usage: npm run migration:generate -- <PascalCaseName>
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
ensure_node_modules
ensure_services
npm run -s build
node dist/src/cli.js migrate
node dist/src/cli.js migration:generate "$@"
