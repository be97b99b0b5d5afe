// Starts a fresh marketplace for the browser tests: a new database
// (lilium_e2e on the machine's PostgreSQL when DB_HOST or E2E_DATABASE_URL
// is set, else an embedded PostgreSQL in a temporary folder), then
// `node scripts/start.mjs` (migrate, seed the demo, build the admin when
// needed, start), exactly as `npm start` does for a newcomer.
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { connectionUrl, freePort, recreateDatabase, startEmbeddedPostgres } from "../scripts/lib/embedded-postgres.mjs"

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

/**
 * `name` gives the stack its own database (lilium_e2e_<name>, or
 * E2E_DATABASE_URL's name + _<name>), so that test files running at the
 * same time do not share one. Returns { base, url, logins, stop }.
 */
export async function startStack({ log = () => {}, name = "" } = {}) {
  let embedded = null
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
    const port = await freePort(55700)
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lilium-e2e-pg-")), "data")
    embedded = await startEmbeddedPostgres({ dataDir, port, persistent: false })
    url = connectionUrl({ port, database: `lilium_e2e${suffix}` })
  }
  await recreateDatabase(url)
  const port = await freePort(9400)
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
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
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`)
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
    },
  }
}
