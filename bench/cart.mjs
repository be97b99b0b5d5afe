#!/usr/bin/env node
// `npm run bench:cart [-- --iterations N] [--sizes 1,10,20,50] [--lines 200]`: builds the same
// checkout-ready cart (one line per vendor, a shipping method per vendor, a
// pp_system_default payment session) over real HTTP against a started Medusa, two ways,
// alternating in one run:
// - plain: Medusa's Store API, call per item (what a standard storefront sends):
//   create cart, one POST line-items per line, address, GET shipping-options,
//   one POST shipping-methods per vendor, payment collection, payment session;
// - bulk: Lilium's calls: create cart, POST line-items/bulk, address,
//   POST shipping-methods/auto, payment collection, payment session.
// Plus a 200-line cart at 10 vendors (20 variants each). Fresh database
// `lilium_bench_cart` on BENCH_DATABASE_URL's (or DATABASE_URL's) server, else an
// embedded PostgreSQL. Results: bench/out/cart.json and a printed table.
import fs from "node:fs"
import path from "node:path"
import localSecrets from "../scripts/lib/local-secrets.cjs"
import {
  benchEnv,
  database,
  flag,
  machine as describeMachine,
  medusaCli,
  pct,
  recreateDatabase,
  root,
  say,
  startMedusa,
} from "./lib/harness.mjs"

process.chdir(root)
const iterations = Number(flag("iterations", 5))
const sizes = flag("sizes", "1,10,20,50").split(",").map(Number)
const manyLines = Number(flag("lines", 200))
const manyVendors = 10

const BIG = "1000000"
const env = benchEnv({
  DISABLE_MEDUSA_ADMIN: "true",
  AUTH_RATE_LIMIT_MAX: BIG,
  AUTH_IDENTIFIER_RATE_LIMIT_MAX: BIG,
  RATE_LIMIT_READ_MAX: BIG,
  RATE_LIMIT_WRITE_MAX: BIG,
  BENCH_VENDORS: String(Math.max(...sizes, manyLines ? manyVendors : 0)),
})
delete env.REDIS_URL // in-process modules, as bench:checkout
localSecrets.ensureLocalSecrets({ env, dir: path.join(root, ".lilium") })

const medusa = medusaCli(env, { quiet: true })

const db = await database("cart", { port: 55800 })
let server
try {
  await recreateDatabase(db.url)
  env.DATABASE_URL = db.url
  say("migrating")
  await medusa(["db:migrate"])
  say(`seeding ${env.BENCH_VENDORS} vendors`)
  await medusa(["exec", "./bench/cart-seed.ts"])
  const seed = JSON.parse(fs.readFileSync(path.join(root, "bench", "out", "cart-seed.json"), "utf8"))

  server = await startMedusa(env, { port: 9500 })
  const base = server.base
  const store = { "x-publishable-api-key": seed.publishable_key }
  const call = async (method, url, body, headers = store) => {
    const res = await fetch(base + url, {
      method,
      headers: { ...(body ? { "content-type": "application/json" } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    })
    const data = await res.json().catch(() => null)
    if (res.status !== 200 && res.status !== 201) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(data)}`)
    return data
  }

  // 200 lines at 10 vendors: 19 more variants per vendor, one product each, stock set by the vendor.
  const perVendor = Math.ceil(manyLines / manyVendors)
  const manyLinesVariants = seed.vendors.slice(0, manyVendors).map((v) => [v.variant_id])
  if (manyLines) {
    say(`adding ${perVendor - 1} variants to each of ${manyVendors} vendors`)
    for (let v = 0; v < manyVendors; v++) {
      const { token } = await call("POST", "/auth/vendor/emailpass", { email: seed.vendors[v].email, password: "lilium-vendor" }, {})
      const auth = { authorization: `Bearer ${token}` }
      const values = Array.from({ length: perVendor - 1 }, (_, i) => `S${i + 1}`)
      const { product } = await call(
        "POST",
        "/vendor/products",
        {
          title: `Cart Bench Range ${v + 1}`,
          status: "published",
          options: [{ title: "Size", values }],
          variants: values.map((s, i) => ({
            title: s,
            sku: `CB-${v + 1}-${s}`,
            options: { Size: s },
            prices: [{ currency_code: "eur", amount: 2 + i * 0.25 }],
          })),
        },
        auth
      )
      for (const variant of product.variants) {
        await call("POST", `/vendor/products/${product.id}/variants/${variant.id}/inventory`, { stocked_quantity: 1_000_000 }, auth)
        manyLinesVariants[v].push(variant.id)
      }
    }
  }
  const address = { first_name: "B", last_name: "Buyer", address_1: "Street 1", city: "Berlin", postal_code: "10115", country_code: "de" }
  const details = { email: "bench@buyer.example", shipping_address: address, billing_address: address }

  const paths = {
    async plain(lines, vendors) {
      const { cart } = await call("POST", "/store/carts", { region_id: seed.region_id })
      for (const l of lines) await call("POST", `/store/carts/${cart.id}/line-items`, l)
      await call("POST", `/store/carts/${cart.id}`, details)
      const { shipping_options } = await call("GET", `/store/shipping-options?cart_id=${cart.id}`)
      // Medusa lists every vendor's options for the address; a storefront keeps those of the
      // shipping profiles of the cart's products (here: of the cart's vendors) and takes the cheapest.
      const ownIds = new Set(vendors.map((v) => v.shipping_option_id))
      const profiles = new Set(shipping_options.filter((o) => ownIds.has(o.id)).map((o) => o.shipping_profile_id))
      const cheapest = new Map()
      for (const o of shipping_options) {
        if (!profiles.has(o.shipping_profile_id)) continue
        const c = cheapest.get(o.shipping_profile_id)
        if (!c || o.amount < c.amount) cheapest.set(o.shipping_profile_id, o)
      }
      for (const o of cheapest.values()) await call("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: o.id })
      const { payment_collection } = await call("POST", "/store/payment-collections", { cart_id: cart.id })
      await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
      return cart.id
    },
    async bulk(lines, _vendors, steps) {
      // Each call timed on its own (steps), so the table can say where the bulk path's time goes.
      const step = async (name, fn) => {
        const t0 = performance.now()
        const out = await fn()
        if (steps) (steps[name] ??= []).push(performance.now() - t0)
        return out
      }
      const { cart } = await step("create cart", () => call("POST", "/store/carts", { region_id: seed.region_id }))
      await step("line-items/bulk", () => call("POST", `/store/carts/${cart.id}/line-items/bulk`, { items: lines }))
      await step("address", () => call("POST", `/store/carts/${cart.id}`, details))
      await step("shipping-methods/auto", () => call("POST", `/store/carts/${cart.id}/shipping-methods/auto`, {}))
      const { payment_collection } = await step("payment collection", () =>
        call("POST", "/store/payment-collections", { cart_id: cart.id })
      )
      await step("payment session", () =>
        call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
      )
      return cart.id
    },
  }
  /** Both paths must produce the same cart: same lines, same shipping, same total. */
  const summary = async (id) => {
    const { cart } = await call(
      "GET",
      `/store/carts/${id}?fields=total,items.variant_id,items.quantity,shipping_methods.amount,payment_collection.payment_sessions.id`
    )
    return JSON.stringify({
      total: cart.total,
      items: cart.items.map((i) => `${i.variant_id}×${i.quantity}`).sort(),
      shipping: cart.shipping_methods.map((m) => m.amount).sort(),
      sessions: cart.payment_collection?.payment_sessions?.length,
    })
  }

  const cases = [
    ...sizes.map((n) => ({
      label: `${n} vendor(s), 1 line each`,
      vendors: n,
      lines: seed.vendors.slice(0, n).map((v, i) => ({ variant_id: v.variant_id, quantity: 1 + (i % 3) })),
    })),
    ...(manyLines
      ? [
          {
            label: `${manyLines} lines, ${manyVendors} vendors`,
            vendors: manyVendors,
            lines: manyLinesVariants
              .flat()
              .slice(0, manyLines)
              .map((id, i) => ({ variant_id: id, quantity: 1 + (i % 3) })),
          },
        ]
      : []),
  ]
  const results = []
  for (const c of cases) {
    const reps = c.vendors >= 50 || c.lines.length >= 100 ? Math.max(2, Math.ceil(iterations / 2)) : iterations
    say(`${c.label}: warm-up, then ${reps} × each path`)
    const a = await summary(await paths.plain(c.lines, seed.vendors.slice(0, c.vendors)))
    const b = await summary(await paths.bulk(c.lines))
    if (a !== b) throw new Error(`the two paths built different carts:\n plain ${a}\n bulk  ${b}`)
    const times = { plain: [], bulk: [] }
    const steps = {}
    for (let i = 0; i < reps; i++) {
      for (const which of i % 2 ? ["bulk", "plain"] : ["plain", "bulk"]) {
        const t0 = performance.now()
        await paths[which](c.lines, seed.vendors.slice(0, c.vendors), which === "bulk" ? steps : undefined)
        times[which].push(performance.now() - t0)
      }
    }
    const row = {
      case: c.label,
      vendors: c.vendors,
      lines: c.lines.length,
      iterations: reps,
      plain_p50_ms: pct(times.plain, 50),
      plain_p95_ms: pct(times.plain, 95),
      bulk_p50_ms: pct(times.bulk, 50),
      bulk_p95_ms: pct(times.bulk, 95),
      speedup_p50: pct(times.plain, 50) / pct(times.bulk, 50),
      bulk_steps_p50_ms: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, Math.round(pct(v, 50))])),
    }
    results.push(row)
    say(JSON.stringify(row))
  }
  const m = describeMachine()
  const machine = {
    cpus: m.cpus,
    cpu_model: m.cpu_model,
    memory_gib: m.memory_gib,
    node: m.node,
    platform: m.platform,
    loadavg_before: m.load_before,
    loadavg_after: m.load_after,
    date: new Date().toISOString(),
  }
  fs.writeFileSync(path.join(root, "bench", "out", "cart.json"), JSON.stringify({ machine, results }, null, 2))
  const f = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`)
  console.log(
    `\nmachine: ${machine.cpus} × ${machine.cpu_model}, ${machine.memory_gib} GiB, load ${machine.loadavg_before.map((x) => x.toFixed(1)).join("/")} → ${machine.loadavg_after.map((x) => x.toFixed(1)).join("/")}`
  )
  console.log("| cart | runs | plain p50 | plain p95 | bulk p50 | bulk p95 | speed-up p50 |")
  console.log("|---|---:|---:|---:|---:|---:|---:|")
  for (const r of results) {
    console.log(
      `| ${r.case} | ${r.iterations} | ${f(r.plain_p50_ms)} | ${f(r.plain_p95_ms)} | ${f(r.bulk_p50_ms)} | ${f(r.bulk_p95_ms)} | ${r.speedup_p50.toFixed(1)}× |`
    )
  }
  console.log("\nbulk path, p50 per call:")
  console.log(`| cart | ${Object.keys(results[0]?.bulk_steps_p50_ms ?? {}).join(" | ")} |`)
  for (const r of results) console.log(`| ${r.case} | ${Object.values(r.bulk_steps_p50_ms).map(f).join(" | ")} |`)
} finally {
  server?.stop()
  await db.stop().catch(() => {})
}
