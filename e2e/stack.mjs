// Starts a fresh marketplace for the browser tests: a new database
// (lilium_e2e on the machine's PostgreSQL when DB_HOST or E2E_DATABASE_URL
// is set, else an embedded PostgreSQL in a temporary folder), then
// `node scripts/start.mjs` (migrate, seed the demo, build the admin when
// needed, start), exactly as `npm start` does for a newcomer.
// With LILIUM_E2E_BASE set (e2e/run.mjs, `npm run test:e2e`), every test file
// uses that one marketplace instead of starting its own.
import { spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { connectionUrl, recreateDatabase, startEmbeddedPostgres } from "../scripts/lib/embedded-postgres.mjs"

export const ADMIN = { email: "admin@lilium.local", password: "lilium-admin" }

/**
 * The demo seed's logins (src/scripts/lib/demo-*.ts; README, "The demo"):
 * vendor owners with DEMO_VENDOR_PASSWORD, buyers with DEMO_BUYER_PASSWORD.
 */
export const DEMO_VENDOR_PASSWORD = "lilium-vendor"
export const DEMO_BUYER_PASSWORD = "lilium-buyer"
export const DEMO_LOGINS = {
  admin: ADMIN,
  vendors: {
    "lumen-office-lighting": { email: "owner@lumen.demo", password: DEMO_VENDOR_PASSWORD },
    "oakline-furniture": { email: "owner@oakline.demo", password: DEMO_VENDOR_PASSWORD },
    "papyrus-supplies": { email: "owner@papyrus.demo", password: DEMO_VENDOR_PASSWORD },
    "nordic-notebooks": { email: "owner@nordic.demo", password: DEMO_VENDOR_PASSWORD },
  },
  buyer: { email: "buyer@lilium.demo", password: DEMO_BUYER_PASSWORD },
  company: {
    admin: { email: "anna@kessler.demo", password: DEMO_BUYER_PASSWORD },
    approver: { email: "max@kessler.demo", password: DEMO_BUYER_PASSWORD },
    buyer: { email: "lea@kessler.demo", password: DEMO_BUYER_PASSWORD },
  },
}

/** Whether nothing listens on port at host (an address family the machine lacks counts as free). */
const portFree = (port, host) =>
  new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", (e) => resolve(e.code !== "EADDRINUSE" && e.code !== "EACCES"))
    server.once("listening", () => server.close(() => resolve(true)))
    server.listen(port, host)
  })
const alive = (pid) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return e.code === "EPERM"
  }
}

/**
 * A port for a stack, held until release(): a lock file per port in the
 * temporary folder (created exclusively, so two stacks starting at once never
 * get the same port; a lock whose process is gone is taken over), and the port
 * free on every interface. A port test alone is not enough: `npm start` binds
 * its port minutes later (migrations, seed, builds), and until then a second
 * stack found the same port free and both polled one server.
 */
export async function reservePort(from) {
  for (let port = from; port < from + 200; port++) {
    const lock = path.join(os.tmpdir(), `lilium-e2e-port-${port}.lock`)
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" })
    } catch {
      const owner = Number(fs.readFileSync(lock, "utf8").trim() || 0)
      if (owner && alive(owner)) continue
      fs.writeFileSync(lock, String(process.pid))
    }
    if ((await portFree(port, "0.0.0.0")) && (await portFree(port, "127.0.0.1")) && (await portFree(port, "::"))) {
      return { port, release: () => fs.rmSync(lock, { force: true }) }
    }
    fs.rmSync(lock, { force: true })
  }
  throw new Error(`no free port found from ${from}`)
}

/** The marketplace of LILIUM_E2E_BASE (started once by e2e/run.mjs), or null. */
function sharedStack() {
  const base = process.env.LILIUM_E2E_BASE
  if (!base) return null
  return {
    base,
    url: process.env.LILIUM_E2E_DATABASE_URL,
    logins: DEMO_LOGINS,
    startMs: Number(process.env.LILIUM_E2E_START_MS || 0),
    shared: true,
    async stop() {},
  }
}

/**
 * `name` gives the stack its own database (lilium_e2e_<name>, or
 * E2E_DATABASE_URL's name + _<name>), so that test files running at the
 * same time do not share one. Returns { base, url, logins, stop }.
 */
export async function startStack({ log = () => {}, name = "", env = {} } = {}) {
  const shared = sharedStack()
  if (shared) return shared
  let embedded = null
  const ports = []
  const suffix = name ? `_${name.replace(/[^a-z0-9_]/gi, "_")}` : ""
  let url = process.env.E2E_DATABASE_URL
  if (url && suffix) {
    const u = new URL(url)
    u.pathname = `${u.pathname}${suffix}`
    url = u.toString()
  }
  if (!url && process.env.DB_HOST) {
    const user = encodeURIComponent(process.env.DB_USERNAME || "postgres")
    const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
    url = `postgres://${user}${password}@${process.env.DB_HOST}:${process.env.DB_PORT || 5432}/lilium_e2e${suffix}`
  }
  if (!url) {
    const pgPort = await reservePort(55700)
    ports.push(pgPort)
    const port = pgPort.port
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lilium-e2e-pg-")), "data")
    embedded = await startEmbeddedPostgres({ dataDir, port, persistent: false })
    url = connectionUrl({ port, database: `lilium_e2e${suffix}` })
  }
  await recreateDatabase(url)
  const reserved = await reservePort(9400)
  ports.push(reserved)
  const port = reserved.port
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      ...env,
      DATABASE_URL: url,
      PORT: String(port),
      MEDUSA_BACKEND_URL: `http://localhost:${port}`,
      ADMIN_CORS: `http://localhost:${port}`,
      AUTH_CORS: `http://localhost:${port}`,
      MEDUSA_ADMIN_EMAIL: ADMIN.email,
      MEDUSA_ADMIN_PASSWORD: ADMIN.password,
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: "error",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  child.stdout.on("data", (d) => log(String(d)))
  child.stderr.on("data", (d) => log(String(d)))
  const base = `http://localhost:${port}`
  const started = Date.now()
  const release = () => ports.forEach((p) => p.release())
  for (;;) {
    if (child.exitCode !== null) {
      release()
      throw new Error(`npm start exited with ${child.exitCode}`)
    }
    if (Date.now() - started > 600_000) throw new Error("the marketplace did not start within 10 minutes")
    const ok = await fetch(`${base}/app`).then(
      (r) => r.ok,
      () => false
    )
    if (ok) break
    await new Promise((r) => setTimeout(r, 1000))
  }
  return {
    base,
    url,
    logins: DEMO_LOGINS,
    /** How long `npm start` took from spawn until the admin answered (ms). */
    startMs: Date.now() - started,
    async stop() {
      try {
        process.kill(-child.pid, "SIGINT")
      } catch {}
      await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)))
      if (embedded) await embedded.stop().catch(() => {})
      release()
    },
  }
}
