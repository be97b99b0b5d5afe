import fs from "node:fs"
import pg from "pg"
import { from as copyFrom } from "pg-copy-streams"
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { seedMarketplaceBasics } from "../src/scripts/lib/marketplace-basics"
import { createVendorWorkflow } from "../src/workflows/vendor/workflows/create-vendor"
import { VENDOR_MODULE } from "../src/modules/vendor"
import type VendorModuleService from "../src/modules/vendor/service"

/**
 * `npm run bench:data -- --orders 250000 --vendors 500` (through
 * bench/analytics.mjs and `medusa exec`). Creates the vendors (the biggest
 * one with an owner login for the vendor endpoints) and bulk-loads a year of
 * sales facts with COPY, shaped like a B2B marketplace:
 * - vendor sizes follow a Zipf law (a few big vendors, a long tail), and so
 *   do products within a vendor and buyers;
 * - weekdays and business hours are busy, weekends quiet; November and
 *   December peak, August dips;
 * - 1–3 vendors per order, 1–6 lines each (about 2) plus shipping; quantities up to
 *   50; 19% VAT; 5–15% commission; 85% EUR, 15% USD;
 * - 4% of vendor orders rejected or canceled (refunded in full), 3% with a
 *   partial return; recent ones still pending, accepted or shipped.
 * The rollups are rebuilt once after the load (the rollup triggers are off
 * during COPY); the load prints each table's rows and disk. Deterministic: the same flags give the same data.
 */
export const BENCH_ADMIN = { email: "bench@lilium.local", password: "bench-password" }
export const BENCH_VENDOR_PASSWORD = "bench-vendor-password"

function rng(seed: number) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Cumulative weights for a Zipf law over n ranks. */
function zipf(n: number, s: number) {
  const cum: number[] = []
  let total = 0
  for (let i = 1; i <= n; i++) cum.push((total += 1 / Math.pow(i, s)))
  return {
    pick: (r: number) => {
      const x = r * total
      let lo = 0
      let hi = n - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (cum[mid] < x) lo = mid + 1
        else hi = mid
      }
      return lo
    },
  }
}

export default async function data({ container }: ExecArgs) {
  const orders = Number(process.env.BENCH_ORDERS || 250_000)
  const vendorCount = Number(process.env.BENCH_VENDORS || 500)
  const log = (m: string) => console.log(`[bench:data] ${m}`)
  const started = Date.now()

  await seedMarketplaceBasics(container, { adminEmail: BENCH_ADMIN.email, adminPassword: BENCH_ADMIN.password })
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const email = "owner@bench-vendor-1.example"
  const { authIdentity } = await container
    .resolve(Modules.AUTH)
    .register("emailpass", { body: { email, password: BENCH_VENDOR_PASSWORD } } as any)
  const { result } = await createVendorWorkflow(container).run({
    input: {
      vendor: { name: "Bench Vendor 1", email, status: "pending" },
      owner: { email, first_name: "Bench" },
      auth_identity_id: authIdentity!.id,
    },
  })
  await vendors.updateVendors({ id: result.vendor.id, status: "active" })
  const rest = await vendors.createVendors(
    Array.from({ length: vendorCount - 1 }, (_, i) => ({
      name: `Bench Vendor ${i + 2}`,
      handle: `bench-vendor-${i + 2}`,
      email: `owner@bench-vendor-${i + 2}.example`,
      status: "active" as const,
    }))
  )
  const vendorIds = [result.vendor.id, ...rest.map((v) => v.id)]
  fs.mkdirSync("bench/out", { recursive: true })
  fs.writeFileSync(
    "bench/out/analytics-setup.json",
    JSON.stringify({ admin: BENCH_ADMIN, vendor: { id: vendorIds[0], email, password: BENCH_VENDOR_PASSWORD } }, null, 2)
  )
  log(`${vendorIds.length} vendors`)

  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  // Every rollup trigger off during COPY (hourly per row, daily per statement); one rebuild after.
  await client.query("alter table sales_fact disable trigger user")
  const columns = [
    "id",
    "line_key",
    "line_type",
    "order_id",
    "vendor_order_id",
    "vendor_id",
    "product_id",
    "variant_id",
    "category_id",
    "collection_id",
    "customer_id",
    "company_id",
    "currency_code",
    "vendor_order_status",
    "is_order_head",
    "is_vendor_order_head",
    "quantity",
    "returned_quantity",
    "has_return",
    "total_minor",
    "discount_minor",
    "tax_minor",
    "refunded_minor",
    "commission_minor",
    "placed_at",
    "accepted_at",
    "shipped_at",
    "delivered_at",
    "canceled_at",
    "created_at",
    "updated_at",
  ]
  const stream = client.query(copyFrom(`copy sales_fact (${columns.join(", ")}) from stdin with (format csv, null '')`))
  const done = new Promise<void>((resolve, reject) => (stream.on("finish", resolve), stream.on("error", reject)))
  const write = (chunk: string) => (stream.write(chunk) ? Promise.resolve() : new Promise<void>((r) => stream.once("drain", () => r())))

  const random = rng(42)
  const vendorPick = zipf(vendorIds.length, 1.1)
  const buyerPick = zipf(20_000, 0.9)
  const productPick = zipf(200, 1.2)
  const end = Date.UTC(2026, 10, 27) // the year up to 27 Nov 2026
  const day = 86_400_000
  // Seasonality: weekday × month × hour weights, sampled by rejection.
  const monthWeight = [0.9, 0.95, 1.05, 1, 1, 0.95, 0.85, 0.7, 1, 1.1, 1.35, 1.3]
  const weekdayWeight = [0.25, 1, 1.05, 1.05, 1, 0.9, 0.35] // Sunday … Saturday
  const hourWeight = (h: number) => (h >= 7 && h <= 17 ? 1 : h >= 5 && h <= 20 ? 0.45 : 0.08)
  const when = () => {
    for (;;) {
      const t = end - Math.floor(random() * 365 * day)
      const d = new Date(t)
      if (random() * 1.35 < monthWeight[d.getUTCMonth()] * weekdayWeight[d.getUTCDay()] * hourWeight(d.getUTCHours())) return t
    }
  }
  const iso = (t: number | null) => (t === null ? "" : new Date(t).toISOString())

  let lines = 0
  let buffer = ""
  const seq = { order: 0, vo: 0, line: 0 }
  for (let o = 0; o < orders; o++) {
    const orderId = `order_b${++seq.order}`
    const placed = when()
    const buyer = buyerPick.pick(random())
    const customer = `cus_b${buyer}`
    const company = buyer % 10 < 7 ? `comp_b${buyer % 3000}` : ""
    const currency = random() < 0.85 ? "eur" : "usd"
    const vendorsInOrder = new Set<number>()
    // At most as many vendors as there are (a 2-vendor data set would otherwise loop forever).
    const n = Math.min(random() < 0.75 ? 1 : random() < 0.7 ? 2 : 3, vendorIds.length)
    while (vendorsInOrder.size < n) vendorsInOrder.add(vendorPick.pick(random()))
    let firstVo = true
    for (const v of vendorsInOrder) {
      const voId = `vord_b${++seq.vo}`
      const age = (end - placed) / day
      const roll = random()
      const canceled = roll < 0.04
      const status = canceled
        ? random() < 0.5
          ? "rejected"
          : "canceled"
        : age < 2
          ? random() < 0.5
            ? "pending"
            : "accepted"
          : age < 5
            ? "shipped"
            : "delivered"
      const accepted = canceled && status === "rejected" ? null : status === "pending" ? null : placed + (1 + random() * 20) * 3_600_000
      const shipped = status === "shipped" || status === "delivered" ? placed + (4 + random() * 90) * 3_600_000 : null
      const delivered = status === "delivered" ? shipped! + (24 + random() * 96) * 3_600_000 : null
      const canceledAt = canceled ? placed + (2 + random() * 30) * 3_600_000 : null
      const itemCount = 1 + Math.floor(random() * random() * 6)
      const returns = !canceled && status === "delivered" && random() < 0.03
      const commissionRate = 5 + ((v * 7) % 11)
      for (let i = 0; i <= itemCount; i++) {
        const shipping = i === itemCount
        const product = productPick.pick(random())
        const quantity = shipping ? 0 : 1 + Math.floor(Math.pow(random(), 3) * 50)
        const unit = Math.round(Math.exp(2.5 + random() * 2.5) * 100) // ~€12–€1,500 in cents
        const net = shipping ? 495 + Math.floor(random() * 1500) : unit * quantity
        const discount = !shipping && random() < 0.1 ? Math.round(net * 0.1) : 0
        const tax = Math.round((net - discount) * 0.19)
        const total = net - discount + tax
        const returned = returns && !shipping && i === 0 ? Math.max(1, Math.floor(quantity / 2)) : 0
        const refunded = canceled ? total : returned ? Math.round((total * returned) / quantity) : 0
        const commission = shipping ? 0 : Math.round((((net - discount) * commissionRate) / 100) * (1 - refunded / total))
        const row = [
          `sfact_b${++seq.line}`,
          `voline_b${seq.line}`,
          shipping ? "shipping" : "item",
          orderId,
          voId,
          vendorIds[v],
          shipping ? "" : `prod_b${v}_${product}`,
          shipping ? "" : `variant_b${v}_${product}`,
          shipping ? "" : `pcat_b${(v + product) % 60}`,
          shipping ? "" : `pcol_b${v % 40}`,
          customer,
          company,
          currency,
          status,
          firstVo && i === 0 ? "t" : "f",
          i === 0 ? "t" : "f",
          quantity,
          returned,
          returns ? "t" : "f",
          total,
          discount,
          tax,
          refunded,
          commission,
          iso(placed),
          iso(accepted),
          iso(shipped),
          iso(delivered),
          iso(canceledAt),
          iso(placed),
          iso(placed),
        ]
        buffer += row.join(",") + "\n"
        lines++
      }
      firstVo = false
    }
    if (buffer.length > 1_000_000) {
      await write(buffer)
      buffer = ""
    }
    if ((o + 1) % 25_000 === 0) log(`${o + 1} orders, ${lines} lines (${Math.round((Date.now() - started) / 1000)} s)`)
  }
  await write(buffer)
  stream.end()
  await done
  log(`copied ${lines} lines; rebuilding rollups`)
  await client.query("alter table sales_fact enable trigger user")
  const rebuildStarted = Date.now()
  await client.query("select lilium_rebuild_sales_rollups()")
  log(`rollups rebuilt in ${((Date.now() - rebuildStarted) / 1000).toFixed(1)} s`)
  // VACUUM sets the visibility map, so the head-line indexes serve index-only scans.
  await client.query("vacuum analyze sales_fact")
  await client.query("vacuum analyze sales_rollup_hourly")
  await client.query("vacuum analyze sales_rollup_hourly_all")
  for (const t of [
    "sales_rollup_daily_item",
    "sales_rollup_daily_item_all",
    "sales_rollup_daily_vendor_orders",
    "sales_rollup_buyer_days",
    "sales_rollup_buyer_gaps",
    "sales_rollup_monthly_item",
    "sales_rollup_monthly_item_all",
    "sales_rollup_vendor_orders_blocks",
    "sales_rollup_vendor_blocks",
    "sales_rollup_ship_hours",
  ])
    await client.query(`vacuum analyze ${t}`)
  const { rows } = await client.query(
    "select (select count(*) from sales_fact) as facts, (select count(*) from sales_rollup_hourly) as vendor_hours, (select count(*) from sales_rollup_hourly_all) as hours"
  )
  // What the rollups cost: rows and disk (table, indexes and TOAST) per table.
  const { rows: sizes } = await client.query(
    `select relname as table, (select reltuples::bigint from pg_class c2 where c2.oid = c.oid) as rows, pg_total_relation_size(c.oid) as bytes
       from pg_class c where relname in ('sales_fact', 'sales_rollup_hourly', 'sales_rollup_hourly_all', 'sales_rollup_daily_item',
                                         'sales_rollup_daily_item_all', 'sales_rollup_daily_vendor_orders',
                                         'sales_rollup_buyer_days', 'sales_rollup_buyer_gaps', 'sales_rollup_monthly_item',
                                         'sales_rollup_monthly_item_all', 'sales_rollup_vendor_orders_blocks',
                                         'sales_rollup_vendor_blocks', 'sales_rollup_ship_hours') order by relname`
  )
  await client.end()
  log(
    `done in ${Math.round((Date.now() - started) / 1000)} s: ${rows[0].facts} facts, ${rows[0].vendor_hours} vendor-hour rollups, ${rows[0].hours} marketplace-hour rollups`
  )
  for (const r of sizes) log(`${r.table}: ${Number(r.rows).toLocaleString("en")} rows, ${(Number(r.bytes) / 1048576).toFixed(1)} MB`)
  fs.writeFileSync(
    "bench/out/analytics-data.json",
    JSON.stringify({ orders, vendors: vendorCount, facts: Number(rows[0].facts), tables: sizes }, null, 2)
  )
}
