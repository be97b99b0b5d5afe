#!/usr/bin/env node
// `npm start`: one command from a fresh clone to a running marketplace.
//
// 1. No DATABASE_URL: start the embedded PostgreSQL in .lilium/pg (kept
//    between runs). With DATABASE_URL: use that server.
// 2. Create the database if needed, run Medusa's migrations, and seed once.
// 3. Build the admin and the vendor panel when missing or their sources changed.
// 4. Run `medusa start` (or `medusa develop` with --develop), wait until
//    /health answers, and print the URLs, logins and publishable key.
// Ctrl-C stops Medusa, then PostgreSQL, cleanly.
import { spawn } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { connectionUrl, ensureDatabase, startEmbeddedPostgres } from "./lib/embedded-postgres.mjs"
import localSecrets from "./lib/local-secrets.cjs"
import nodeOptions from "./lib/node-options.cjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
process.chdir(root)
if (fs.existsSync(".env")) process.loadEnvFile(".env")

const env = process.env
env.MEDUSA_DISABLE_TELEMETRY ??= "true"
// The V8 options every Medusa process of ours runs with (decision 95).
env.NODE_OPTIONS = nodeOptions.serverNodeOptions(env.NODE_OPTIONS)
const develop = process.argv.includes("--develop")
const port = Number(env.PORT || 9000)
const workerMode = env.MEDUSA_WORKER_MODE || "shared"
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const say = (message) => console.log(`\x1b[35m[lilium]\x1b[0m ${message}`)

let embedded = null
let child = null
let stopping = false

function run(args, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(medusaBin, args, { stdio: "inherit", env: { ...env, ...extraEnv } })
    child = p
    p.on("exit", (code, signal) => {
      child = null
      if (code === 0) resolve()
      else reject(new Error(`medusa ${args.join(" ")} exited with ${signal ?? code}`))
    })
  })
}

async function stop(code = 0) {
  if (stopping) return
  stopping = true
  if (child) {
    say("stopping Medusa…")
    const exited = new Promise((resolve) => child.once("exit", resolve))
    child.kill("SIGTERM")
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15000))])
  }
  if (embedded) {
    say("stopping the embedded PostgreSQL…")
    // Ctrl-C in a terminal signals PostgreSQL too; it may already be gone.
    await Promise.race([embedded.stop().catch(() => {}), new Promise((r) => setTimeout(r, 10000))])
  }
  process.exit(code)
}
process.on("SIGINT", () => stop(0))
process.on("SIGTERM", () => stop(0))

async function readStore(url) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const store = await client.query(`SELECT metadata FROM store WHERE deleted_at IS NULL LIMIT 1`)
    const key = await client.query(
      `SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL
       ORDER BY (title = 'Lilium Storefront') DESC, created_at LIMIT 1`
    )
    const vendors = await client.query(
      `SELECT m.email, v.name, v.status FROM vendor_member m JOIN vendor v ON v.id = m.vendor_id
       WHERE v.metadata->>'demo' = 'true' AND m.role = 'owner' AND m.deleted_at IS NULL AND v.deleted_at IS NULL
       ORDER BY v.created_at`
    )
    return {
      metadata: store.rows[0]?.metadata ?? null,
      publishableKey: key.rows[0]?.token,
      demoVendors: vendors.rows,
    }
  } catch (e) {
    if (e.code === "42P01") return { metadata: null } // not migrated yet
    throw e
  } finally {
    await client.end()
  }
}

function adminSourceHash() {
  const hash = crypto.createHash("sha256")
  const dashboard = JSON.parse(fs.readFileSync("node_modules/@medusajs/dashboard/package.json", "utf8"))
  hash.update(dashboard.version)
  hash.update(fs.readFileSync("medusa-config.ts"))
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else hash.update(full).update(fs.readFileSync(full))
    }
  }
  walk("src/admin")
  return hash.digest("hex")
}

async function buildAdminIfNeeded() {
  if (develop || workerMode === "worker" || env.DISABLE_MEDUSA_ADMIN === "true") return
  const out = path.join(root, "public", "admin")
  const stamp = path.join(out, ".lilium-build")
  const hash = adminSourceHash()
  if (fs.existsSync(path.join(out, "index.html")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash) {
    return
  }
  say("building Medusa Admin (first start, or its sources changed)…")
  const started = Date.now()
  await run(["build", "--admin-only"], { NODE_ENV: "production" })
  fs.rmSync(out, { recursive: true, force: true })
  fs.mkdirSync(path.dirname(out), { recursive: true })
  fs.renameSync(path.join(root, ".medusa", "admin"), out)
  fs.writeFileSync(stamp, hash)
  say(`admin built in ${Math.round((Date.now() - started) / 1000)}s`)
}

// The vendor panel (vendor-panel/, issue 22): static files served at /vendor-panel by the app
// (src/api/utils/vendor-panel.ts). Built with Vite when missing or its sources changed.
function panelSourceHash() {
  const hash = crypto.createHash("sha256")
  for (const pkg of ["vite", "@medusajs/ui", "@medusajs/js-sdk", "@medusajs/ui-preset"]) {
    const file = path.join("node_modules", pkg, "package.json")
    hash.update(fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")).version : "-")
  }
  hash.update(`${env.VENDOR_PANEL_BASE ?? ""}|${env.VENDOR_PANEL_BACKEND_URL ?? ""}`)
  const walk = (p) => {
    if (!fs.existsSync(p)) return
    if (fs.statSync(p).isFile()) return hash.update(p).update(fs.readFileSync(p))
    for (const entry of fs.readdirSync(p).sort()) walk(path.join(p, entry))
  }
  for (const p of ["index.html", "vite.config.ts", "tailwind.config.cjs", "tsconfig.json", "src"]) walk(path.join("vendor-panel", p))
  return hash.digest("hex")
}

function dirSize(dir) {
  let total = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    total += entry.isDirectory() ? dirSize(full) : fs.statSync(full).size
  }
  return total
}

async function buildPanelIfNeeded() {
  if (workerMode === "worker" || env.DISABLE_VENDOR_PANEL === "true" || !fs.existsSync("vendor-panel/vite.config.ts")) return false
  const out = path.join(root, "vendor-panel", "dist")
  const stamp = path.join(out, ".lilium-build")
  const hash = panelSourceHash()
  if (fs.existsSync(path.join(out, "index.html")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash) return true
  const vite = path.join(root, "node_modules", "vite", "bin", "vite.js")
  if (!fs.existsSync(vite)) {
    say("vendor panel not built: Vite is not installed (devDependencies); `npm ci` then `npm run panel:build`")
    return fs.existsSync(path.join(out, "index.html"))
  }
  say("building the vendor panel (first start, or its sources changed)…")
  const started = Date.now()
  await new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [vite, "build", "--config", "vendor-panel/vite.config.ts", "--logLevel", "warn"], {
      stdio: "inherit",
      env: { ...env, NODE_ENV: "production" },
    })
    child = p
    p.on("exit", (code, signal) => {
      child = null
      if (code === 0) resolve()
      else reject(new Error(`the vendor panel build exited with ${signal ?? code}`))
    })
  })
  fs.writeFileSync(stamp, hash)
  say(`vendor panel built in ${Math.round((Date.now() - started) / 1000)}s (${(dirSize(out) / 1024).toFixed(0)} kB in vendor-panel/dist)`)
  return true
}

async function waitForHealth(timeoutMs = 180000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!child) throw new Error("Medusa exited before it became healthy")
    try {
      const res = await fetch(`http://localhost:${port}/health`)
      if (res.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`Medusa did not answer /health within ${timeoutMs / 1000}s`)
}

async function main() {
  const t0 = Date.now()
  // JWT_SECRET / COOKIE_SECRET / AUTH_MFA_ENCRYPTION_KEY: the environment's, else
  // generated once into .lilium/secrets.json (mode 0600) and reused (a new MFA
  // key would make every enrolled 2FA factor unreadable). Not with NODE_ENV=production:
  // there they must be set, and medusa-config.ts refuses to start without them
  // (or with a short or default one).
  if (env.NODE_ENV !== "production") {
    const { sources } = localSecrets.ensureLocalSecrets({ env, dir: path.join(root, ".lilium") })
    const generated = Object.keys(sources).filter((v) => sources[v] === "generated")
    if (generated.length) say(`generated ${generated.join(" and ")} into .lilium/secrets.json (kept for later starts)`)
  }
  if (!env.DATABASE_URL) {
    const pgPort = Number(env.EMBEDDED_PG_PORT || 54329)
    const dataDir = path.join(root, ".lilium", "pg")
    say(`no DATABASE_URL: starting the embedded PostgreSQL on :${pgPort} (data in .lilium/pg)`)
    embedded = await startEmbeddedPostgres({ dataDir, port: pgPort })
    env.DATABASE_URL = connectionUrl({ port: pgPort, database: "lilium" })
  } else {
    say("using DATABASE_URL")
  }
  if (env.REDIS_URL) say("REDIS_URL set: Redis event bus, workflow engine, cache and locking")
  if (await ensureDatabase(env.DATABASE_URL)) say("created the database")

  // API servers in a split deployment leave migrations and seeding to the
  // worker, so that N servers never race each other on them.
  const owner = workerMode !== "server" && env.MEDUSA_SKIP_MIGRATIONS !== "true"
  if (owner) {
    say("running migrations…")
    await run(["db:migrate"])
    const { metadata } = await readStore(env.DATABASE_URL)
    if (!metadata?.lilium_seeded_at) {
      say("empty marketplace: seeding…")
      // The admin and vendor panel builds need no database, so a first start runs them (one after
      // the other) beside the seed; run after it, the panel's build added ~35 s to a fresh start.
      await Promise.all([run(["exec", "./src/scripts/seed.ts"]), buildAdminIfNeeded().then(buildPanelIfNeeded)])
    }
  }

  await buildAdminIfNeeded()
  const panel = await buildPanelIfNeeded()
  // E-mails (invites, new orders, payouts) link to the panel this server serves, unless VENDOR_PANEL_URL says otherwise.
  if (panel && !env.VENDOR_PANEL_URL) env.VENDOR_PANEL_URL = `${env.MEDUSA_BACKEND_URL || `http://localhost:${port}`}/vendor-panel`

  say(`starting Medusa (${develop ? "develop" : "start"}, worker mode ${workerMode}) on :${port}`)
  child = spawn(medusaBin, [develop ? "develop" : "start", "--port", String(port)], {
    stdio: "inherit",
    env,
  })
  child.on("exit", (code, signal) => {
    child = null
    if (!stopping) {
      say(`Medusa exited (${signal ?? code})`)
      stop(code || 1)
    }
  })

  await waitForHealth()
  const { publishableKey, metadata, demoVendors = [] } = await readStore(env.DATABASE_URL)
  const base = env.MEDUSA_BACKEND_URL || `http://localhost:${port}`
  const lines = [
    "",
    `Lilium is running (${Math.round((Date.now() - t0) / 1000)}s).`,
    `  API            ${base}   (health: ${base}/health)`,
    workerMode !== "worker" && env.DISABLE_MEDUSA_ADMIN !== "true" ? `  Medusa Admin   ${base}/app` : null,
    env.NODE_ENV === "production"
      ? `  Admin login    ${env.MEDUSA_ADMIN_EMAIL || "admin@lilium.local"} (password: MEDUSA_ADMIN_PASSWORD, if the seed created it)`
      : `  Admin login    ${env.MEDUSA_ADMIN_EMAIL || "admin@lilium.local"} / ${env.MEDUSA_ADMIN_PASSWORD || "lilium-admin"}`,
    panel ? `  Vendor panel   ${base}/vendor-panel/   (sign in with a demo vendor login below)` : null,
    `  Publishable key (x-publishable-api-key): ${publishableKey ?? "(none yet)"}`,
    ...(demoVendors.length
      ? [
          `  Demo vendor logins (POST /auth/vendor/emailpass, password lilium-vendor):`,
          ...demoVendors.map((v) => `    ${v.email.padEnd(24)} ${v.name} (${v.status})`),
          // src/scripts/lib/demo-*.ts (README, "The demo"): buyers sign in with POST /auth/customer/emailpass.
          `  Demo buyer     buyer@lilium.demo / lilium-buyer (orders over 90 days, a quote answered by Oakline)`,
          `  Demo company   Kessler Architekten: anna@ (admin, invoices), max@ (approver), lea@kessler.demo (buyer) / lilium-buyer`,
        ]
      : []),
    `  Database       ${embedded ? "embedded PostgreSQL (.lilium/pg)" : "DATABASE_URL"}${metadata?.lilium_seeded_demo ? ", demo data" : ""}`,
    `  Try: curl -H "x-publishable-api-key: ${publishableKey ?? "<key>"}" ${base}/store/products`,
    "Press Ctrl-C to stop.",
    "",
  ].filter(Boolean)
  console.log(lines.join("\n"))
}

main().catch((e) => {
  console.error(`\x1b[31m[lilium]\x1b[0m ${e.message}`)
  stop(1)
})
