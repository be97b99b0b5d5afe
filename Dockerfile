# syntax=docker/dockerfile:1
# Multi-stage build: `medusa build` compiles the backend and the admin into
# .medusa/server, which is the only thing the runtime image contains.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
WORKDIR /app
COPY . .
ENV MEDUSA_DISABLE_TELEMETRY=true
RUN npx medusa build
RUN npm run panel:build

FROM node:20-bookworm-slim AS runtime
WORKDIR /server
ENV NODE_ENV=production MEDUSA_DISABLE_TELEMETRY=true PORT=9000
# V8's young generation at 64 MB semi-spaces: half the GC pause per checkout
# (scripts/lib/node-options.cjs, decision 95); keep in step with that file.
ENV NODE_OPTIONS=--max-semi-space-size=64
COPY --from=build /app/.medusa/server ./
# GET /docs serves the OpenAPI document from the working directory.
COPY --from=build /app/docs/openapi.yaml ./docs/openapi.yaml
# The vendor panel's static files, served at /vendor-panel from <cwd>/vendor-panel/dist.
COPY --from=build /app/vendor-panel/dist ./vendor-panel/dist
# The built app carries its own package.json and lock file.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY docker/entrypoint.sh /usr/local/bin/lilium-entrypoint
RUN chmod +x /usr/local/bin/lilium-entrypoint
USER node
EXPOSE 9000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://localhost:'+(process.env.PORT||9000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
ENTRYPOINT ["lilium-entrypoint"]
