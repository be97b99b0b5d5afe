#!/bin/sh
# Runtime entrypoint of the production image (.medusa/server).
# The worker (or a single shared process) migrates and seeds an empty
# database; API servers (MEDUSA_WORKER_MODE=server) only start. NODE_ENV is
# production here: every medusa command below refuses a missing, short or
# default JWT_SECRET / COOKIE_SECRET, and the seed creates no demo logins
# unless SEED_DEMO=true (src/utils/secrets.ts, src/scripts/lib/seed-policy.ts).
set -e
: "${DATABASE_URL:?DATABASE_URL is required in the production image}"
if [ "${MEDUSA_WORKER_MODE:-shared}" != "server" ] && [ "${MEDUSA_SKIP_MIGRATIONS:-false}" != "true" ]; then
  npx medusa db:migrate
  npx medusa exec ./src/scripts/seed.js
fi
exec npx medusa start --port "${PORT:-9000}"
