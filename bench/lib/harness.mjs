// Scaffolding shared by the benchmark scripts (bench/*.mjs): flags, the
// `medusa` CLI, the database each bench runs on, a started `medusa start`,
// percentiles and the machine the numbers came from. Each script keeps only
// what it measures.
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { connectionUrl, freePort, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres.mjs"
import nodeOptions from "../../scripts/lib/node-options.cjs"

export { recreateDatabase } from "../../scripts/lib/embedded-postgres.mjs"

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
// Taken when a bench starts (this module loads first), for the load average before the run.
const loadAtStart = os.loadavg()

export const say = (m) => console.log(`[bench] ${m}`)
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** The value after `--name` on the command line, else `fallback`. */
export function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}

/**
 * The environment every bench starts from: no telemetry, quiet logs, the V8
 * options `npm start` and the production image run with (decision 95), and `extra`.
 */
export function benchEnv(extra = {}) {
  return {
    ...process.env,
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
    NODE_OPTIONS: nodeOptions.serverNodeOptions(process.env.NODE_OPTIONS),
    ...extra,
  }
}

/**
 * A runner of the `medusa` CLI with `env` (read at each call, so later changes
 * such as DATABASE_URL apply); `quiet` drops its stdout and keeps errors.
 * The runner's `extra` is added to the environment of that one call.
 */
export function medusaCli(env, { quiet = false } = {}) {
  return (args, extra = {}) =>
    new Promise((resolve, reject) => {
      const p = spawn(path.join(root, "node_modules", ".bin", "medusa"), args, {
        stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
        env: { ...env, ...extra },
      })
      p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} exited ${code}`))))
    })
}

/**
 * The database `lilium_bench_<name>` on BENCH_DATABASE_URL's server (or
 * DATABASE_URL's); with neither, an embedded PostgreSQL from `port` up, in a
 * temporary folder, or in `keepIn` (kept between runs) when given.
 */
export async function database(name, { port: from, keepIn } = {}) {
  const database = `lilium_bench_${name}`
  const base = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL
  if (base) {
    const u = new URL(base)
    u.pathname = `/${database}`
    return { url: u.toString(), stop: async () => {} }
  }
  const port = await freePort(from)
  let server
  if (keepIn) {
    say(`starting an embedded PostgreSQL on :${port} (${path.relative(root, keepIn)})`)
    server = await startEmbeddedPostgres({ dataDir: keepIn, port, persistent: true })
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lilium-bench-pg-")) + "/data"
    say(`starting an embedded PostgreSQL on :${port}`)
    server = await startEmbeddedPostgres({ dataDir, port, persistent: false })
  }
  return { url: connectionUrl({ port, database }), stop: () => server.stop() }
}

/**
 * `medusa start` on a free port from `port`, in its own process group, once
 * it answers /health (polled every 0.5 s, up to `attempts` times). `note`
 * goes into the "starting" line. On failure the server is stopped before the
 * error is thrown. Returns the base URL, the process, the time to /health,
 * a promise of its exit and `stop()` (SIGTERM to the group, errors ignored).
 */
export async function startMedusa(env, { port: from, note, attempts = 360 }) {
  const port = await freePort(from)
  say(`starting Medusa on :${port}${note ? ` (${note})` : ""}`)
  const startedAt = performance.now()
  const child = spawn(path.join(root, "node_modules", ".bin", "medusa"), ["start", "--port", String(port)], {
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  })
  const exited = new Promise((r) => child.once("exit", r))
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {}
  }
  const base = `http://localhost:${port}`
  try {
    for (let i = 0; ; i++) {
      if (i > attempts || child.exitCode !== null) throw new Error("Medusa did not start")
      if (
        await fetch(`${base}/health`).then(
          (r) => r.ok,
          () => false
        )
      )
        break
      await sleep(500)
    }
  } catch (e) {
    stop()
    throw e
  }
  return { base, port, process: child, startupMs: performance.now() - startedAt, exited, stop }
}

/** The p-th percentile (nearest rank) of `xs`, which it does not reorder. */
export function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

/** The machine, and its load average at the bench's start and now; each bench writes the fields it reports. */
export function machine() {
  const cpus = os.cpus()
  return {
    cpus: cpus.length,
    cpu_model: cpus[0]?.model,
    cpu_label: `${cpus.length} × ${cpus[0]?.model ?? "cpu"}`,
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    load_before: loadAtStart,
    load_after: os.loadavg(),
  }
}
