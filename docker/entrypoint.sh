#!/bin/sh
# Runtime entrypoint of the production image (.medusa/server).
# The worker (or a single shared process) migrates and seeds an empty
# database; API servers (MEDUSA_WORKER_MODE=server) only start.
set -e
: "${DATABASE_URL:?DATABASE_URL is required in the production image}"
if [ "${MEDUSA_WORKER_MODE:-shared}" != "server" ] && [ "${MEDUSA_SKIP_MIGRATIONS:-false}" != "true" ]; then
  npx medusa db:migrate
  npx medusa exec ./src/scripts/seed.js
fi
exec npx medusa start --port "${PORT:-9000}"
