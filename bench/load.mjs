#!/usr/bin/env node
// `npm run bench:load [-- --short] [--levels 1,5,10] [--duration S]`: the load
// test of issue 20 against the scaled shape (docs/deployment.md) on this
// machine: a fresh database `lilium_load` on the local PostgreSQL (dropped
// and recreated; LOAD_DATABASE_URL), migrations and the demo seed, one worker
// and two API servers on Redis (LOAD_REDIS_URL, default database 13, emptied
// before and after), NODE_ENV=production with random secrets and rate limits
// no load here reaches.
//
// Four scenarios, each at rising concurrency (clients), `duration` seconds
// per level, requests spread over both servers (autocannon's connections
// alternate between the two URLs; the checkout client alternates per
// request, so a cart moves between servers as behind a round-robin balancer):
// - store-products   GET /store/products (12, with calculated prices), publishable key
// - vendor-orders    GET /vendor/orders as a demo vendor owner
// - admin-analytics  GET /admin/analytics/overview as the admin
// - checkout         a guest cart from two vendors: create, 2 lines, addresses,
//                    shipping options, the cheapest method per shipping profile,
//                    payment collection and session (pp_system_default),
//                    complete (readyCart of integration-tests/helpers/store.ts);
//                    one guest e-mail per checkout
// A read scenario stops rising after the first level whose p95 passes
// 200 ms (LOAD_P95_LIMIT_MS) or that had an error, but is still measured at
// 50 clients (the goal's level) after a latency stop. Checkout is about
// integrity, not latency (its calls are workflows of 100 ms and more): it
// rises until an error or until p95 passes 10 s (LOAD_CHECKOUT_P95_LIMIT_MS).
// --short (or LOAD_SHORT=1) runs levels 2 and 5 for 3 s each and never stops
// on latency (CI). --only checkout (or a read's name; LOAD_ONLY) runs just
// that scenario. --serve starts the stack, prints the key and tokens, and
// keeps it up until Ctrl-C.
//
// Then integrity, in SQL: every checkout the client saw complete has exactly
// one order (the one it was told), carts whose completion failed have none,
// no other order appeared, every order has one vendor order per vendor (2),
// and completing ten completed carts again (twice at once) returns the same
// order. Exit 1 on any error, 5xx or mismatch, never on latency; the last
// line is `N passed, M failed`. Results: bench/out/load.json and a table.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import autocannon from "autocannon"
import pg from "pg"
import { busyCpuMs, createStack, flag, machine, pct, root, say } from "./lib/load-stack.mjs"
import { checkDemoOrders } from "../e2e/demo-checks.mjs"

process.chdir(root)
const short = process.argv.includes("--short") || ["1", "true"].includes(process.env.LOAD_SHORT ?? "")
const levels = (flag("levels") ?? process.env.LOAD_LEVELS ?? (short ? "2,5" : "1,5,10,25,50,100")).split(",").map(Number)
const durationS = Number(flag("duration") ?? process.env.LOAD_DURATION ?? (short ? 3 : 15))
const readLimitMs = Number(process.env.LOAD_P95_LIMIT_MS ?? 200)
const checkoutLimitMs = Number(process.env.LOAD_CHECKOUT_P95_LIMIT_MS ?? 10000)
const goalClients = 50
const only = flag("only") ?? process.env.LOAD_ONLY
const databaseUrl = process.env.LOAD_DATABASE_URL ?? "postgres://postgres:postgres@localhost:5432/lilium_load"
const redisUrl = process.env.LOAD_REDIS_URL ?? "redis://localhost:6379/13"
const DE_ADDRESS = {
  first_name: "Erika",
  last_name: "Muster",
  company: "Muster GmbH",
  address_1: "Hauptstraße 5",
  city: "Berlin",
  postal_code: "10115",
  country_code: "de",
  phone: "+49301234567",
}

const stack = createStack({ databaseUrl, redisUrl, servers: 2 })
let cleaning = null
const cleanup = () => (cleaning ??= stack.stop().catch((e) => console.error(`[bench] cleanup: ${e.message}`)))
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, async () => {
    say(`${sig}: stopping`)
    await cleanup()
    process.exit(130)
  })
}
process.on("exit", () => stack.stopSync())

// ---- HTTP -------------------------------------------------------------------------

let bases = []
let rr = 0
class HttpError extends Error {
  constructor(step, status, body) {
    super(`${step}: ${status} ${String(body).slice(0, 200)}`)
    this.status = status
  }
}

/** One request to the next server in turn; `stats` (if given) records its latency and status under `step`. */
async function call(method, p, { body, headers = {}, step, stats } = {}) {
  const base = bases[rr++ % bases.length]
  const t0 = performance.now()
  let status = 0
  let text
  try {
    const res = await fetch(base + p, {
      method,
      headers: { ...(body ? { "content-type": "application/json" } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(60_000),
    })
    status = res.status
    text = await res.text()
  } catch (e) {
    text = e.message
  } finally {
    stats?.record(step, performance.now() - t0, status)
  }
  if (status < 200 || status >= 300) throw new HttpError(step ?? `${method} ${p}`, status, text)
  return JSON.parse(text)
}

function newStats() {
  const steps = new Map()
  return {
    steps,
    record(step, ms, status) {
      let s = steps.get(step)
      if (!s) steps.set(step, (s = { lat: [], codes: {} }))
      s.lat.push(ms)
      s.codes[status] = (s.codes[status] ?? 0) + 1
    },
  }
}

function summarize(lat, codes, seconds) {
  const total = Object.values(codes).reduce((a, b) => a + b, 0)
  const ok = Object.entries(codes)
    .filter(([c]) => c >= 200 && c < 300)
    .reduce((a, [, n]) => a + n, 0)
  const s5 = Object.entries(codes)
    .filter(([c]) => c >= 500)
    .reduce((a, [, n]) => a + n, 0)
  const r = (x) => (x === undefined ? null : Math.round(x * 10) / 10)
  return {
    requests: total,
    rps: Math.round((total / seconds) * 10) / 10,
    p50: r(pct(lat, 50)),
    p95: r(pct(lat, 95)),
    p99: r(pct(lat, 99)),
    errors: total - ok,
    status_5xx: s5,
    codes,
  }
}

// ---- scenarios ----------------------------------------------------------------------

/** A GET with autocannon at `clients` connections over both servers. */
function readLoad(pathAndQuery, headers, clients) {
  return new Promise((resolve, reject) => {
    const lat = []
    const codes = {}
    const t0 = performance.now()
    const cpu0 = busyCpuMs()
    const inst = autocannon(
      {
        url: bases.map((b) => b + pathAndQuery),
        connections: clients,
        duration: durationS,
        headers,
        timeout: 30,
      },
      (err, result) => {
        if (err) return reject(err)
        const seconds = (performance.now() - t0) / 1000
        // Network errors and timeouts have no response: status 0.
        const lost = (result.errors ?? 0) + (result.timeouts ?? 0)
        if (lost) codes[0] = (codes[0] ?? 0) + lost
        resolve({ ...summarize(lat, codes, seconds), ...cpuPerRequest(cpu0, lat.length + lost) })
      }
    )
    inst.on("response", (_client, status, _bytes, ms) => {
      lat.push(ms)
      codes[status] = (codes[status] ?? 0) + 1
    })
  })
}

/**
 * What one request cost the whole machine over a level (busy CPU of every
 * process, the client's included, divided by the requests) and the request
 * rate that cost allows on this machine's cores at full use. By Little's law
 * N clients wait N / rate on average, so a mean under 200 ms at 50 clients
 * needs at least 250 req/s, i.e. at most cores × 4 ms of CPU per request.
 */
function cpuPerRequest(cpu0, requests) {
  const cpu1 = busyCpuMs()
  if (cpu0 === null || cpu1 === null || !requests) return { cpu_ms_per_request: null, ceiling_rps: null }
  const perRequest = (cpu1 - cpu0) / requests
  return {
    cpu_ms_per_request: Math.round(perRequest * 100) / 100,
    ceiling_rps: Math.round((os.cpus().length * 1000) / perRequest),
  }
}

const carts = new Map() // cart id → { order_id } when completed, { failed: step } otherwise
let guests = 0

async function checkoutOnce(ctx, stats) {
  const h = { "x-publishable-api-key": ctx.key }
  const opt = (step, body) => ({ headers: h, step, stats, body })
  const { cart } = await call("POST", "/store/carts", opt("create cart", { region_id: ctx.regionId }))
  carts.set(cart.id, { failed: "line items" })
  try {
    for (const variant of ctx.variants) {
      await call("POST", `/store/carts/${cart.id}/line-items`, opt("add line", { variant_id: variant, quantity: 1 }))
    }
    carts.get(cart.id).failed = "addresses"
    await call(
      "POST",
      `/store/carts/${cart.id}`,
      // One guest per checkout: Medusa creates a guest customer for a new e-mail, and two carts of
      // the same new e-mail at once race on it (one gets 400 "Customer … already exists").
      opt("addresses", { email: `load-${++guests}@lilium.test`, shipping_address: DE_ADDRESS, billing_address: DE_ADDRESS })
    )
    carts.get(cart.id).failed = "shipping"
    const { shipping_options } = await call("GET", `/store/shipping-options?cart_id=${cart.id}`, opt("shipping options"))
    const cheapest = new Map()
    for (const o of shipping_options) {
      const c = cheapest.get(o.shipping_profile_id)
      if (!c || o.amount < c.amount) cheapest.set(o.shipping_profile_id, o)
    }
    for (const o of cheapest.values()) {
      await call("POST", `/store/carts/${cart.id}/shipping-methods`, opt("shipping method", { option_id: o.id }))
    }
    carts.get(cart.id).failed = "payment"
    const { payment_collection } = await call("POST", "/store/payment-collections", opt("payment collection", { cart_id: cart.id }))
    await call(
      "POST",
      `/store/payment-collections/${payment_collection.id}/payment-sessions`,
      opt("payment session", { provider_id: "pp_system_default" })
    )
    carts.get(cart.id).failed = "complete"
    const done = await call("POST", `/store/carts/${cart.id}/complete`, opt("complete", {}))
    if (done.type !== "order") throw new Error(`complete answered ${done.type}: ${JSON.stringify(done.error)}`)
    carts.set(cart.id, { order_id: done.order.id })
  } catch (e) {
    carts.get(cart.id).error = e.message
    throw e
  }
}

async function checkoutLoad(ctx, clients) {
  const stats = newStats()
  const deadline = Date.now() + durationS * 1000
  const t0 = performance.now()
  const cpu0 = busyCpuMs()
  let completed = 0
  let failed = 0
  const errors = []
  // A client that starts a checkout before the deadline finishes it.
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < deadline) {
        try {
          await checkoutOnce(ctx, stats)
          completed++
        } catch (e) {
          failed++
          if (errors.length < 5) errors.push(e.message)
          if (!(e instanceof HttpError)) stats.record("client", 0, -1)
        }
      }
    })
  )
  const seconds = (performance.now() - t0) / 1000
  const all = { lat: [], codes: {} }
  const steps = {}
  for (const [step, s] of stats.steps) {
    if (step !== "client") all.lat.push(...s.lat) // "client": failures after a 2xx (e.g. complete answered a cart), no latency
    for (const [c, n] of Object.entries(s.codes)) all.codes[c] = (all.codes[c] ?? 0) + n
    steps[step] = summarize(s.lat, s.codes, seconds)
  }
  const complete = stats.steps.get("complete") ?? { lat: [], codes: {} }
  return {
    ...summarize(all.lat, all.codes, seconds),
    checkouts: completed,
    checkouts_failed: failed,
    checkouts_per_s: Math.round((completed / seconds) * 100) / 100,
    // Per request (all 11 calls of a checkout counted), so the column compares with the reads.
    ...cpuPerRequest(cpu0, all.lat.length),
    complete: summarize(complete.lat, complete.codes, seconds),
    steps,
    error_samples: errors,
  }
}

// ---- integrity ----------------------------------------------------------------------

async function integrity(ctx, checks) {
  const completed = [...carts].filter(([, c]) => c.order_id)
  const failed = [...carts].filter(([, c]) => !c.order_id)
  checks.push({ name: "checkout: at least one checkout completed", ok: completed.length > 0, detail: `${completed.length}` })

  // Completing a completed cart again (twice at once) must return its order, not a new one.
  const again = completed.slice(0, 10)
  const repeats = await Promise.all(
    again.flatMap(([cartId]) =>
      [0, 1].map(() =>
        call("POST", `/store/carts/${cartId}/complete`, { headers: { "x-publishable-api-key": ctx.key }, body: {} }).then(
          (r) => ({ cartId, id: r.order?.id ?? r.type }),
          (e) => ({ cartId, id: `error ${e.message}` })
        )
      )
    )
  )
  const wrong = repeats.filter((r) => r.id !== carts.get(r.cartId).order_id)
  checks.push({
    name: "checkout: completing a completed cart again (2 at once × 10 carts) returns its order",
    ok: wrong.length === 0,
    detail: wrong.length ? JSON.stringify(wrong.slice(0, 3)) : `${repeats.length} repeats`,
  })

  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    const links = await db.query(
      `SELECT cart_id, array_agg(order_id) AS orders FROM order_cart WHERE deleted_at IS NULL AND cart_id = ANY($1) GROUP BY cart_id`,
      [[...carts.keys()]]
    )
    const byCart = new Map(links.rows.map((r) => [r.cart_id, r.orders]))
    const lost = completed.filter(([id, c]) => byCart.get(id)?.length !== 1 || byCart.get(id)[0] !== c.order_id)
    checks.push({
      name: "orders: each completed checkout has exactly one order, the one returned",
      ok: lost.length === 0,
      detail: `${completed.length} checkouts${lost.length ? `, ${lost.length} wrong: ${JSON.stringify(lost.slice(0, 3).map(([id]) => [id, byCart.get(id)]))}` : ""}`,
    })
    const unseen = failed.filter(([id]) => byCart.has(id))
    checks.push({
      name: "orders: no order for a cart whose completion failed",
      ok: unseen.length === 0,
      detail: `${failed.length} failed carts${unseen.length ? `, ${unseen.length} with orders` : ""}`,
    })
    const extra = await db.query(`SELECT count(*)::int AS n FROM "order" WHERE deleted_at IS NULL AND created_at >= $1`, [
      ctx.loadStartedAt,
    ])
    checks.push({
      name: "orders: no orders beyond the completed checkouts",
      ok: extra.rows[0].n === completed.length,
      detail: `${extra.rows[0].n} orders created during the run, ${completed.length} checkouts`,
    })
    // The split may finish after the response; wait up to 60 s for it.
    const orderIds = completed.map(([, c]) => c.order_id)
    let bad = []
    for (let i = 0; i < 60; i++) {
      const vo = await db.query(
        `SELECT order_id, count(*)::int AS n, count(DISTINCT vendor_id)::int AS vendors FROM vendor_order
         WHERE deleted_at IS NULL AND order_id = ANY($1) GROUP BY order_id`,
        [orderIds]
      )
      const byOrder = new Map(vo.rows.map((r) => [r.order_id, r]))
      bad = orderIds.filter((id) => byOrder.get(id)?.n !== 2 || byOrder.get(id)?.vendors !== 2)
      if (!bad.length) break
      await new Promise((r) => setTimeout(r, 1000))
    }
    checks.push({
      name: "vendor orders: each order split into exactly one vendor order per vendor (2)",
      ok: bad.length === 0,
      detail: `${orderIds.length} orders${bad.length ? `, ${bad.length} wrong: ${bad.slice(0, 3).join(", ")}` : ""}`,
    })
  } finally {
    await db.end()
  }
}

// ---- main ---------------------------------------------------------------------------

async function context() {
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  const key = (
    await db.query(
      `SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL
       ORDER BY (title = 'Lilium Storefront') DESC, created_at LIMIT 1`
    )
  ).rows[0]?.token
  await db.end()
  if (!key) throw new Error("no publishable key after the seed")
  const store = { "x-publishable-api-key": key }
  const { regions } = await call("GET", "/store/regions?fields=id,currency_code,*countries", { headers: store })
  const region = regions.find((r) => r.countries?.some((c) => c.iso_2 === "de"))
  if (!region) throw new Error("no region for Germany in the demo")
  const { products } = await call("GET", "/store/products?fields=id,handle,*variants&limit=50", { headers: store })
  // Two vendors' products (Lumen's lamp, Papyrus' paper): one order, two vendor orders.
  const variants = ["desk-lamp", "paper-a4-500"].map((h) => {
    const p = products.find((x) => x.handle === h)
    if (!p) throw new Error(`demo product ${h} missing`)
    return p.variants[0].id
  })
  const admin = await call("POST", "/auth/user/emailpass", { body: { email: "admin@lilium.local", password: stack.adminPassword } })
  const vendor = await call("POST", "/auth/vendor/emailpass", { body: { email: "owner@lumen.demo", password: "lilium-vendor" } })
  return { key, regionId: region.id, currency: region.currency_code, variants, adminToken: admin.token, vendorToken: vendor.token }
}

const fmt = (x) => (x === null || x === undefined ? "–" : String(x))

async function main() {
  const t0 = Date.now()
  say(
    `load test${short ? " (short)" : ""}: levels ${levels.join(", ")}, ${durationS} s each; load average ${machine()
      .load_before.map((x) => x.toFixed(2))
      .join(" ")}`
  )
  const { worker, servers } = await stack.up()
  bases = servers.map((s) => s.base)
  const ctx = await context()
  // The demo seeded on this shape (Redis modules, a worker) must be as consistent as in-process (issue 21):
  // checked before the load, since the load's checkouts are not demo orders.
  const demo = await checkDemoOrders(bases[0], ctx.adminToken)
  const demoCheck = {
    name: "demo: every seeded order's summary, payment status and vendor orders agree (Redis shape)",
    ok: demo.checked > 0 && demo.problems.length === 0,
    detail: `${demo.checked} orders, ${demo.paid} paid${demo.problems.length ? `; ${demo.problems.slice(0, 3).join("; ")}` : ""}`,
  }
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  ctx.loadStartedAt = (await db.query("SELECT now() AS t")).rows[0].t
  await db.end()
  say(`stack up in ${Math.round((Date.now() - t0) / 1000)} s: worker ${worker.base}, servers ${bases.join(", ")}`)
  if (process.argv.includes("--serve")) {
    // Keep the stack up to probe it by hand; Ctrl-C stops it and drops the database.
    say(`serving until Ctrl-C: ${JSON.stringify({ ...ctx, adminPassword: stack.adminPassword })}`)
    await new Promise(() => {})
  }

  const reads = [
    {
      name: "store-products",
      path: `/store/products?limit=12&region_id=${ctx.regionId}&fields=*variants.calculated_price`,
      headers: { "x-publishable-api-key": ctx.key },
    },
    { name: "vendor-orders", path: "/vendor/orders", headers: { authorization: `Bearer ${ctx.vendorToken}` } },
    { name: "admin-analytics", path: "/admin/analytics/overview", headers: { authorization: `Bearer ${ctx.adminToken}` } },
  ]
  if (only) reads.splice(0, reads.length, ...reads.filter((r) => r.name === only))
  // A yardstick, not a goal: Medusa's own cheapest store route (regions, no Lilium code but the
  // middleware every route has), to compare each read's CPU per request with Medusa's floor.
  const reference = {
    name: "medusa-store-regions (reference)",
    path: "/store/regions",
    headers: { "x-publishable-api-key": ctx.key },
  }
  // Warm-up: one of each (first-request compilation, caches), not measured.
  for (const r of reads) for (const _ of bases) await call("GET", r.path, { headers: r.headers })

  const rows = []
  const stopped = {}
  for (const clients of levels) {
    for (const r of reads) {
      // After a latency stop, a read is still measured at the goal's 50 clients, so the goal has its number.
      if (stopped[r.name] && (clients !== goalClients || stopped[r.name].startsWith("errors"))) continue
      const res = await readLoad(r.path, r.headers, clients)
      rows.push({ scenario: r.name, clients, ...res, ...(stopped[r.name] ? { after_stop: true } : {}) })
      say(
        `${r.name} ×${clients}: ${res.rps} req/s, p50 ${res.p50} p95 ${res.p95} p99 ${res.p99} ms, errors ${res.errors} (5xx ${res.status_5xx})`
      )
      if (res.errors) stopped[r.name] = `errors at ${clients}`
      else if (!short && res.p95 > readLimitMs) stopped[r.name] ??= `p95 ${res.p95} ms > ${readLimitMs} ms at ${clients}`
    }
    if (!stopped.checkout && (!only || only === "checkout")) {
      const res = await checkoutLoad(ctx, clients)
      rows.push({ scenario: "checkout", clients, ...res })
      say(
        `checkout ×${clients}: ${res.checkouts} checkouts (${res.checkouts_per_s}/s), ${res.rps} req/s, p50 ${res.p50} p95 ${res.p95} p99 ${res.p99} ms; complete p95 ${res.complete.p95} ms; errors ${res.errors} (5xx ${res.status_5xx})`
      )
      for (const e of res.error_samples) say(`  error: ${e}`)
      if (res.errors || res.checkouts_failed) stopped.checkout = `errors at ${clients}`
      else if (!short && res.p95 > checkoutLimitMs) stopped.checkout = `p95 ${res.p95} ms > ${checkoutLimitMs} ms at ${clients}`
    }
    if (Object.keys(stopped).length === reads.length + 1 && clients >= goalClients) break
  }

  if (!only || only === "reference") {
    await call("GET", reference.path, { headers: reference.headers })
    const clients = short ? 2 : 10
    const res = await readLoad(reference.path, reference.headers, clients)
    rows.push({ scenario: reference.name, clients, ...res, reference: true })
    say(`${reference.name} ×${clients}: ${res.rps} req/s, p95 ${res.p95} ms, ${res.cpu_ms_per_request} CPU ms per request`)
  }

  const checks = [demoCheck]
  const measured = [...reads.map((r) => r.name), ...(rows.some((r) => r.reference) ? [reference.name] : []), "checkout"]
  for (const name of measured) {
    const mine = rows.filter((r) => r.scenario === name)
    const errors = mine.reduce((a, r) => a + r.errors, 0)
    const s5 = mine.reduce((a, r) => a + r.status_5xx, 0)
    checks.push({ name: `${name}: no errors and no 5xx`, ok: errors === 0 && s5 === 0, detail: `${errors} errors, ${s5} 5xx` })
  }
  await integrity(ctx, checks)

  // Met at 50 clients: measured there under 200 ms; not met: measured over it, or stopped below 50.
  const at50 = reads.map((r) => {
    const row = rows.find((x) => x.scenario === r.name && x.clients === 50)
    if (row) return row.p95 < 200 && !row.errors
    const last = rows.filter((x) => x.scenario === r.name).at(-1)
    return stopped[r.name] && last?.clients < 50 ? false : null
  })
  const goal = {
    reads_p95_under_200ms_at_50: !at50.length ? null : at50.includes(false) ? false : at50.includes(null) ? null : true,
    no_errors: checks.filter((c) => c.name.includes("no errors")).every((c) => c.ok),
    no_lost_or_duplicated_orders: checks.filter((c) => /^(orders|vendor orders|checkout: completing)/.test(c.name)).every((c) => c.ok),
  }
  const out = {
    when: new Date().toISOString(),
    short,
    duration_s: durationS,
    levels,
    limits_ms: { reads_p95: readLimitMs, checkout_p95: checkoutLimitMs },
    machine: machine(),
    shape: "2 API servers (MEDUSA_WORKER_MODE=server) + 1 worker, Redis, local PostgreSQL 15; client on the same machine",
    stopped,
    goal,
    rows: rows.map(({ codes, steps, ...r }) => ({ ...r, codes, steps })),
    checks,
  }
  fs.mkdirSync(path.join(root, "bench", "out"), { recursive: true })
  fs.writeFileSync(path.join(root, "bench", "out", "load.json"), JSON.stringify(out, null, 2))

  console.log("\n| scenario | clients | req/s | p50 ms | p95 ms | p99 ms | requests | errors (5xx) | CPU ms/req | ceiling req/s | notes |")
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
  for (const r of rows) {
    const notes =
      r.scenario === "checkout"
        ? `${r.checkouts} checkouts, ${r.checkouts_per_s}/s; complete p50 ${fmt(r.complete.p50)} p95 ${fmt(r.complete.p95)} ms`
        : r.after_stop
          ? "goal level, after the stop"
          : ""
    console.log(
      `| ${r.scenario} | ${r.clients} | ${r.rps} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.requests} | ${r.errors} (${r.status_5xx}) | ${fmt(r.cpu_ms_per_request)} | ${fmt(r.ceiling_rps)} | ${notes} |`
    )
  }
  console.log("")
  for (const [k, v] of Object.entries(stopped)) say(`${k} stopped: ${v}`)
  for (const [k, v] of Object.entries(goal)) say(`goal ${k}: ${v === null ? "not measured" : v ? "met" : "NOT met"}`)
  say(
    `load average after: ${machine()
      .load_after.map((x) => x.toFixed(2))
      .join(" ")}; took ${Math.round((Date.now() - t0) / 1000)} s`
  )
  for (const c of checks) console.log(`${c.ok ? "✓" : "✕"} ${c.name} (${c.detail})`)
  return checks
}

let checks = []
let code
try {
  checks = await main()
  code = checks.every((c) => c.ok) ? 0 : 1
} catch (e) {
  console.error(`[bench] load test failed: ${e.stack ?? e.message}`)
  checks.push({ name: "run", ok: false })
  code = 1
} finally {
  say("stopping the servers and the worker, dropping the database")
  await cleanup()
}
const passed = checks.filter((c) => c.ok).length
console.log(`${passed} passed, ${checks.length - passed} failed`)
process.exit(code)
