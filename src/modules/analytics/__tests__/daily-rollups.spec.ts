import pg from "pg"
import { Migration20261127175357 } from "../migrations/Migration20261127175357"
import { Migration20261203030000 } from "../migrations/Migration20261203030000"
import { Migration20261203090000 } from "../migrations/Migration20261203090000"
import { Migration20261203150000 } from "../migrations/Migration20261203150000"
import { Migration20261203170000 } from "../migrations/Migration20261203170000"
import { aggregateSql, dayBlocks, performanceSql, topSql, vendorOrderCountsSql, wholeDays, wholeMonths } from "../queries"
import { localMidnight } from "../range"

jest.setTimeout(240_000)

/**
 * The daily rollups (issue 23) against the facts, on a database of its own
 * with the module's two migrations: top products, categories and companies
 * (operator and vendor) and vendor performance read from the rollups for
 * the whole UTC days and from the facts for the edges must equal the
 * straightforward SQL over the facts (the queries before the rollups), for
 * random ranges and time zones; after inserts, replacements, updates and
 * deletes of facts; after concurrent syncs of two vendor orders of one
 * order; and the rollups the triggers keep must equal a rebuild.
 */
const env = process.env
const base = `postgres://${env.DB_USERNAME || "postgres"}:${env.DB_PASSWORD || "postgres"}@${env.DB_HOST || "localhost"}:${env.DB_PORT || 5432}`
const dbName = `lilium_analytics_daily_${process.pid}`

/** Knex-style `?` placeholders to pg's $n. */
const numbered = (sql: string) => {
  let i = 0
  return sql.replace(/\?/g, () => `$${++i}`)
}

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const COLUMNS = [
  "id",
  "line_key",
  "line_type",
  "order_id",
  "vendor_order_id",
  "vendor_id",
  "product_id",
  "category_id",
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
  "refunded_minor",
  "commission_minor",
  "placed_at",
  "accepted_at",
  "shipped_at",
  "delivered_at",
  "canceled_at",
] as const
type Line = Record<(typeof COLUMNS)[number], unknown>

describe("daily sales rollups", () => {
  let admin: pg.Client
  let db: pg.Client
  const random = rng(23)
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]
  const START = Date.UTC(2026, 2, 25) // 25 March 2026, across the European DST change
  const SPAN_DAYS = 8
  const WIDE_DAYS = 70
  let seq = 0

  const q = async (sql: string, params: unknown[] = []) => (await db.query(numbered(sql), params)).rows

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: `${base}/postgres` })
    await admin.connect()
    await admin.query(`drop database if exists ${dbName}`)
    await admin.query(`create database ${dbName}`)
    db = new pg.Client({ connectionString: `${base}/${dbName}` })
    await db.connect()
    for (const M of [
      Migration20261127175357,
      Migration20261203030000,
      Migration20261203090000,
      Migration20261203150000,
      Migration20261203170000,
    ]) {
      const statements: string[] = []
      await M.prototype.up.call({ addSql: (s: string) => statements.push(s) })
      for (const s of statements) await db.query(s)
    }
  })

  afterAll(async () => {
    await db?.end()
    await admin?.query(`drop database if exists ${dbName}`)
    await admin?.end()
  })

  /** The lines of one vendor order (1–4 items, the same product possibly twice, and shipping). */
  function vendorOrderLines(
    order: { id: string; placed: number; customer: string; company: string | null; currency: string },
    vendor: number,
    head: boolean
  ) {
    const vo = `vo_${++seq}`
    const roll = random()
    const status =
      roll < 0.1
        ? "rejected"
        : roll < 0.2
          ? "canceled"
          : roll < 0.35
            ? "pending"
            : roll < 0.5
              ? "accepted"
              : roll < 0.75
                ? "shipped"
                : "delivered"
    const h = 3_600_000
    const accepted = status === "rejected" || status === "pending" ? null : order.placed + Math.floor(random() * 20 * h)
    const shipped = status === "shipped" || status === "delivered" ? order.placed + Math.floor(random() * 96 * h) : null
    const delivered = status === "delivered" ? shipped! + Math.floor(random() * 72 * h) : null
    const canceled = status === "rejected" || status === "canceled" ? order.placed + Math.floor(random() * 30 * h) : null
    const returns = status === "delivered" && random() < 0.3
    const items = 1 + Math.floor(random() * 4)
    const lines: Line[] = []
    for (let i = 0; i <= items; i++) {
      const shipping = i === items
      const product = Math.floor(random() * 4)
      const quantity = shipping ? 0 : 1 + Math.floor(random() * 5)
      const total = 100 + Math.floor(random() * 10_000)
      const refunded = canceled ? total : returns && i === 0 ? Math.floor(total / 2) : 0
      lines.push({
        id: `sf_${++seq}`,
        line_key: `line_${seq}`,
        line_type: shipping ? "shipping" : "item",
        order_id: order.id,
        vendor_order_id: vo,
        vendor_id: `ven_${vendor}`,
        product_id: shipping ? null : `prod_${vendor}_${product}`,
        // Categories are shared across vendors; some products have none.
        category_id: shipping || product === 3 ? null : `pcat_${(vendor + product) % 3}`,
        customer_id: order.customer,
        company_id: order.company,
        currency_code: order.currency,
        vendor_order_status: status,
        is_order_head: head && i === 0,
        is_vendor_order_head: i === 0,
        quantity,
        returned_quantity: returns && i === 0 && !shipping ? 1 : 0,
        has_return: returns,
        total_minor: total,
        refunded_minor: refunded,
        commission_minor: shipping ? 0 : Math.floor((total - refunded) / 10),
        placed_at: new Date(order.placed),
        accepted_at: accepted && new Date(accepted),
        shipped_at: shipped && new Date(shipped),
        delivered_at: delivered && new Date(delivered),
        canceled_at: canceled && new Date(canceled),
      })
    }
    return { vo, lines }
  }

  /** A new order of 1–3 vendors, placed within the span; times near midnight are frequent. */
  function newOrder() {
    // Most orders in the span; a quarter over the two months before it (whole months for the monthly rollups).
    const day = random() < 0.25 ? -WIDE_DAYS + Math.floor(random() * WIDE_DAYS) : Math.floor(random() * SPAN_DAYS)
    const nearMidnight = random() < 0.3
    const offset = nearMidnight
      ? random() < 0.5
        ? 86_400_000 - 1 - Math.floor(random() * 1000)
        : Math.floor(random() * 1000)
      : Math.floor(random() * 86_400_000)
    // A few frequent buyers and a tail of rare ones (long gaps between their days).
    const buyer = Math.floor(random() * random() * 12)
    const order = {
      id: `order_${++seq}`,
      placed: START + day * 86_400_000 + offset,
      customer: `cus_${buyer}`,
      company: buyer % 3 < 2 ? `comp_${buyer % 4}` : null,
      currency: random() < 0.8 ? "eur" : "usd",
    }
    const vendors = new Set<number>()
    const n = 1 + Math.floor(random() * 3)
    while (vendors.size < n) vendors.add(Math.floor(random() * 4))
    return [...vendors].map((v, i) => vendorOrderLines(order, v, i === 0))
  }

  /** As the analytics module writes a vendor order: delete its facts, then insert the new ones in one statement. */
  async function replace(client: pg.Client, voIds: string[], lines: Line[]) {
    if (voIds.length) await client.query(`delete from sales_fact where deleted_at is null and vendor_order_id = any($1)`, [voIds])
    if (!lines.length) return
    const values: unknown[] = []
    const tuples = lines.map((l) => `(${COLUMNS.map((c) => (values.push(l[c]), `$${values.length}`)).join(", ")})`)
    await client.query(`insert into sales_fact (${COLUMNS.join(", ")}) values ${tuples.join(", ")}`, values)
  }

  // The queries before the daily rollups: straight over the facts.
  const factsTop = (dim: string, currency: string, from: Date, to: Date, vendor: string | null, limit = 1000) => {
    const column = `${dim}_id`
    return q(
      `select ${column} as id, sum(total_minor - refunded_minor)::bigint as gmv_minor, count(distinct order_id)::bigint as order_count,
              sum(commission_minor)::bigint as commission_minor, sum(quantity - returned_quantity)::bigint as quantity
         from sales_fact where deleted_at is null and currency_code = ? and placed_at >= ? and placed_at < ?${vendor ? " and vendor_id = ?" : ""}
          and line_type = 'item' and ${column} is not null
        group by ${column} order by gmv_minor desc, ${column} limit ${limit}`,
      [currency, from, to, ...(vendor ? [vendor] : [])]
    )
  }
  const factsPerformance = (currency: string, from: Date, to: Date, now: Date, offset: number, limit: number, sla = 48) =>
    q(
      `select vendor_id,
              count(*)::bigint as vendor_order_count,
              count(accepted_at)::bigint as accepted_count,
              count(*) filter (where accepted_at is not null or vendor_order_status = 'rejected')::bigint as decided_count,
              count(canceled_at)::bigint as canceled_count,
              count(delivered_at)::bigint as delivered_count,
              count(*) filter (where has_return)::bigint as returned_count,
              percentile_cont(0.5) within group (order by extract(epoch from shipped_at - placed_at) / 3600)
                filter (where shipped_at is not null) as median_hours_to_ship,
              count(*) filter (where shipped_at > placed_at + make_interval(hours => ${sla})
                                  or (shipped_at is null and canceled_at is null and placed_at + make_interval(hours => ${sla}) < ?))::bigint as late_count,
              count(*) filter (where shipped_at is not null
                                  or (canceled_at is null and placed_at + make_interval(hours => ${sla}) < ?))::bigint as due_count,
              count(*) over ()::bigint as vendor_total
         from sales_fact
        where is_vendor_order_head and deleted_at is null and currency_code = ? and placed_at >= ? and placed_at < ?
        group by vendor_id
        order by vendor_order_count desc, vendor_id
        limit ? offset ?`,
      [now, now, currency, from, to, limit, offset]
    )

  /** A random range: dates in a time zone (as the API reads them) or arbitrary instants. */
  function randomRange() {
    const tz = pick(["UTC", "Europe/Berlin", "Asia/Kolkata", "America/New_York", "Pacific/Chatham"])
    const day = (n: number) => new Date(START + n * 86_400_000).toISOString().slice(0, 10)
    if (random() < 0.3) {
      // Long: 35–75 days from within the wide span (mostly with a whole month inside), as dates or instants.
      const a = -WIDE_DAYS - 2 + Math.floor(random() * 30)
      const b = a + 35 + Math.floor(random() * 40)
      if (random() < 0.5) return { tz, from: localMidnight(day(a), tz), to: localMidnight(day(b), tz) }
      const from = START + a * 86_400_000 + Math.floor(random() * 86_400_000)
      return { tz, from: new Date(from), to: new Date(START + b * 86_400_000 + Math.floor(random() * 86_400_000)) }
    }
    if (random() < 0.5) {
      const a = Math.floor(random() * SPAN_DAYS) - 1
      const b = a + Math.floor(random() * 5)
      return { tz, from: localMidnight(day(a), tz), to: localMidnight(day(b + 1), tz) }
    }
    const from = START - 86_400_000 + Math.floor(random() * (SPAN_DAYS + 1) * 86_400_000)
    return { tz, from: new Date(from), to: new Date(from + 1 + Math.floor(random() * 4 * 86_400_000)) }
  }

  async function compareReads(rounds: number) {
    let withDays = 0
    let withMonths = 0
    let candidateAnswers = 0
    let fullAnswers = 0
    for (let r = 0; r < rounds; r++) {
      const { tz, from, to } = randomRange()
      const days = wholeDays({ from, to })
      if (days) withDays++
      if (days && wholeMonths(days.first, days.last)) withMonths++
      const currency = random() < 0.8 ? "eur" : "usd"
      const scope = { currency_code: currency, from, to, tz, use_rollups: false }
      const label = `${currency} ${from.toISOString()} – ${to.toISOString()} (${tz})`
      for (const [dim, vendor] of [
        ["product", null],
        ["category", null],
        ["company", null],
        ["product", "ven_0"],
        ["category", "ven_1"],
      ] as const) {
        const got = topSql({ ...scope, vendor_id: vendor, dimension: dim, limit: 1000 })
        expect([label, dim, vendor, await q(got.sql, got.params)]).toEqual([
          label,
          dim,
          vendor,
          await factsTop(dim, currency, from, to, vendor),
        ])
      }
      // The operator's top vendors: day blocks, and the edges from the hourly rollup (hour-aligned ranges) or the facts.
      const hourly = from.getTime() % 3_600_000 === 0 && to.getTime() % 3_600_000 === 0
      for (const use_rollups of hourly && days ? [false, true] : [false]) {
        const got = topSql({ ...scope, use_rollups, vendor_id: null, dimension: "vendor", limit: 1000 })
        const expected = await q(
          `select vendor_id as id, sum(total_minor - refunded_minor)::bigint as gmv_minor, count(*) filter (where is_vendor_order_head)::bigint as order_count,
                  sum(commission_minor)::bigint as commission_minor, sum(quantity - returned_quantity)::bigint as quantity
             from sales_fact where deleted_at is null and currency_code = ? and placed_at >= ? and placed_at < ?
            group by vendor_id order by gmv_minor desc, vendor_id`,
          [currency, from, to]
        )
        expect([label, "vendor", use_rollups, await q(got.sql, got.params)]).toEqual([label, "vendor", use_rollups, expected])
      }
      // The operator's short lists: the candidates of each block (few here, so that both the
      // candidates' answer and the full aggregation are taken), alone and in the full statement.
      for (const dim of ["product", "category", "company"] as const) {
        const candidates = 1 + Math.floor(random() * 2)
        const expected = await factsTop(dim, currency, from, to, null, 3)
        const got = topSql({ ...scope, vendor_id: null, dimension: dim, limit: 3, candidates })
        expect([label, dim, candidates, await q(got.sql, got.params)]).toEqual([label, dim, candidates, expected])
        if (!days) continue
        const alone = topSql({ ...scope, vendor_id: null, dimension: dim, limit: 3, candidates, candidates_only: true })
        const rows = await q(alone.sql, alone.params)
        if (rows[0]?.exact) {
          candidateAnswers++
          expect([label, dim, rows.map(({ exact, ...r }) => r)]).toEqual([label, dim, expected])
        } else fullAnswers++
      }
      const now = new Date(START + Math.floor(random() * (SPAN_DAYS + 4)) * 86_400_000)
      // SLAs of whole hours: 50 is the delay the updates below set (exactly 50 hours is not late), 0 anything shipped.
      for (const [offset, limit, sla] of [
        [0, 50, 48],
        [1, 2, 48],
        [0, 50, pick([0, 50, 13])],
      ]) {
        // Vendors up to facts_up_to vendor orders are read from their head lines, the others from the hours: both, and mixed.
        const got = performanceSql({ ...scope, sla_hours: sla, now, limit, offset, facts_up_to: pick([0, 0, 4, 1000]) })
        const rows = await q(got.sql, got.params)
        const expected = await factsPerformance(currency, from, to, now, offset, limit, sla)
        expect([label, offset, sla, rows.map(({ ...r }) => r)]).toEqual([label, offset, sla, expected])
      }
      // Distinct buyers and companies (marketplace: order heads; a vendor: its vendor-order heads).
      for (const vendor of [null, "ven_0", "ven_2"]) {
        const got = aggregateSql({ ...scope, vendor_id: vendor })
        const [row] = await q(got.sql, got.params)
        const head = vendor ? "is_vendor_order_head" : "is_order_head"
        const [expected] = await q(
          `select count(distinct customer_id)::text as buyer_count, count(distinct company_id)::text as company_count
             from sales_fact where ${head} and deleted_at is null and currency_code = ? and placed_at >= ? and placed_at < ?${vendor ? " and vendor_id = ?" : ""}`,
          [currency, from, to, ...(vendor ? [vendor] : [])]
        )
        expect([label, vendor, row.buyer_count, row.company_count]).toEqual([label, vendor, expected.buyer_count, expected.company_count])
      }
      const counts = vendorOrderCountsSql(scope)
      const [{ n }] = await q(`select count(*)::int as n from (${counts.sql}) c`, counts.params)
      const [{ m }] = await q(
        `select count(distinct vendor_id)::int as m from sales_fact where is_vendor_order_head and deleted_at is null and currency_code = ? and placed_at >= ? and placed_at < ?`,
        [currency, from, to]
      )
      expect([label, n]).toEqual([label, m])
    }
    // Most ranges hold whole days (rollups and edges); the others check the facts-only path.
    expect(withDays).toBeGreaterThan(rounds / 3)
    expect(withMonths).toBeGreaterThanOrEqual(Math.ceil(rounds / 20))
    // Both ways of answering a short top list were checked.
    expect([candidateAnswers > 0, fullAnswers > 0]).toEqual([true, true])
  }

  const rollupTables = {
    sales_rollup_daily_item: "vendor_id, currency_code, dimension, day, key",
    sales_rollup_daily_item_all: "currency_code, dimension, day, key",
    sales_rollup_daily_vendor_orders: "currency_code, day, vendor_id",
    sales_rollup_hourly: "vendor_id, currency_code, bucket",
    sales_rollup_hourly_all: "currency_code, bucket",
    sales_rollup_monthly_item: "vendor_id, currency_code, dimension, month, key",
    sales_rollup_monthly_item_all: "currency_code, dimension, month, key",
    sales_rollup_buyer_days: "vendor_id, currency_code, kind, key, day",
    sales_rollup_buyer_gaps: "vendor_id, currency_code, kind, day, prev_day",
    sales_rollup_vendor_orders_blocks: "currency_code, level, start, vendor_id",
    sales_rollup_ship_hours: "currency_code, vendor_id, level, start",
    sales_rollup_vendor_blocks: "currency_code, level, start, vendor_id",
  }
  /** Every rollup row that says something (rows that went back to all zeros are left behind by deletes). */
  async function rollups() {
    const out: Record<string, unknown[]> = {}
    for (const [table, key] of Object.entries(rollupTables)) {
      const rows = await q(`select * from ${table} order by ${key}`)
      // (Or empty arrays: the packed ship hours.)
      out[table] = rows.filter((r) =>
        Object.entries(r).some(([k, v]) => !key.includes(k) && v !== "0" && !(Array.isArray(v) && v.length === 0))
      )
    }
    return out
  }
  async function expectRollupsEqualRebuild() {
    const kept = await rollups()
    await q(`select lilium_rebuild_sales_rollups()`)
    const rebuilt = await rollups()
    expect(kept).toEqual(rebuilt)
    expect(rebuilt.sales_rollup_daily_item.length).toBeGreaterThan(10)
    expect(rebuilt.sales_rollup_daily_item_all.length).toBeGreaterThan(10)
    expect(rebuilt.sales_rollup_buyer_gaps.length).toBeGreaterThan(10)
    expect(rebuilt.sales_rollup_monthly_item.length).toBeGreaterThan(10)
    expect(rebuilt.sales_rollup_vendor_orders_blocks.length).toBeGreaterThan(10)
    expect(rebuilt.sales_rollup_ship_hours.length).toBeGreaterThan(10)
    expect(rebuilt.sales_rollup_vendor_blocks.length).toBeGreaterThan(10)
  }

  /** The live lines, by vendor order. */
  async function live() {
    const rows = await q(`select ${COLUMNS.join(", ")} from sales_fact where deleted_at is null order by id`)
    const byVo = new Map<string, Line[]>()
    for (const r of rows) byVo.set(r.vendor_order_id, [...(byVo.get(r.vendor_order_id) ?? []), r as Line])
    return byVo
  }

  it("splits whole days into disjoint aligned blocks, at most 2·log2(days) of them", () => {
    const day = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10)
    for (let i = 0; i < 500; i++) {
      const a = 20_000 + Math.floor(random() * 2000)
      const b = a + 1 + Math.floor(random() * (random() < 0.5 ? 40 : 1100))
      const blocks = dayBlocks(day(a), day(b))
      let at = a
      for (const { level, start } of blocks) {
        const n = Date.parse(`${start}T00:00:00Z`) / 86_400_000
        expect([level <= 9, n, n % 2 ** level]).toEqual([true, at, 0])
        at += 2 ** level
      }
      expect(at).toBe(b)
      expect(blocks.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(b - a + 1)) + Math.floor((b - a) / 512))
    }
  })

  it("equals the facts after inserts, on random ranges and time zones", async () => {
    for (let i = 0; i < 120; i++) {
      const vos = newOrder()
      // Vendor orders are written one at a time (as the live sync does) or several per statement (as the rebuild does).
      if (random() < 0.5) for (const v of vos) await replace(db, [v.vo], v.lines)
      else
        await replace(
          db,
          [],
          vos.flatMap((v) => v.lines)
        )
    }
    await compareReads(40)
    await expectRollupsEqualRebuild()
    await compareReads(10)
  })

  it("equals the facts after replacements, updates and deletes of facts", async () => {
    for (let i = 0; i < 80; i++) {
      const byVo = await live()
      const roll = random()
      const vo = pick([...byVo.keys()])
      const lines = byVo.get(vo)!
      if (roll < 0.3) {
        // The sync: the vendor order recomputed (cancelled and refunded), its lines replaced.
        const next = lines.map((l) => ({
          ...l,
          id: `sf_${++seq}`,
          vendor_order_status: "canceled",
          canceled_at: l.canceled_at ?? new Date((l.placed_at as Date).getTime() + 3_600_000),
          refunded_minor: l.total_minor,
          commission_minor: 0,
        }))
        await replace(db, [vo], next)
      } else if (roll < 0.45) {
        await replace(db, [vo], [])
      } else if (roll < 0.6) {
        // One line gone (a line removed by an edit).
        await q(`delete from sales_fact where id = ?`, [pick(lines).id])
      } else if (roll < 0.75) {
        // The whole order moved by a day (an import correcting placed_at): all its vendor orders, one statement.
        await q(`update sales_fact set placed_at = placed_at + interval '1 day' where order_id = ?`, [lines[0].order_id])
      } else if (roll < 0.9) {
        // A product recategorised, and one line's product changed (to another of the same vendor's): groups move.
        await q(`update sales_fact set category_id = ? where vendor_order_id = ? and line_type = 'item'`, [
          pick(["pcat_0", "pcat_1", null]),
          vo,
        ])
        const item = lines.find((l) => l.line_type === "item")
        if (item) await q(`update sales_fact set product_id = vendor_id || '_p9' where id = ?`, [item.id])
      } else {
        // Shipping and delivery recorded, a return flagged (the performance counts move).
        await q(
          `update sales_fact set shipped_at = placed_at + interval '50 hours', delivered_at = placed_at + interval '90 hours', has_return = not has_return where vendor_order_id = ?`,
          [vo]
        )
      }
      // Soft-deleted lines count nowhere.
      if (i % 20 === 0)
        await q(`update sales_fact set deleted_at = now() where vendor_order_id = ? and line_type = 'item'`, [pick([...byVo.keys()])])
    }
    await compareReads(40)
    await expectRollupsEqualRebuild()
    await compareReads(10)
  })

  it("counts an order once when two of its vendor orders are synced at the same time", async () => {
    const other = new pg.Client({ connectionString: `${base}/${dbName}` })
    await other.connect()
    try {
      for (let i = 0; i < 10; i++) {
        const vos = newOrder()
        const [a, b] = [
          vos[0],
          {
            ...vendorOrderLines(
              {
                id: vos[0].lines[0].order_id as string,
                placed: (vos[0].lines[0].placed_at as Date).getTime(),
                customer: "cus_1",
                company: "comp_1",
                currency: vos[0].lines[0].currency_code as string,
              },
              9,
              false
            ),
          },
        ]
        // Both share a category and the company: the marketplace counts the order once per category and company.
        for (const l of [...a.lines, ...b.lines])
          if (l.line_type === "item") Object.assign(l, { category_id: "pcat_shared", company_id: "comp_1" })
        await db.query("begin")
        await other.query("begin")
        await replace(db, [a.vo], a.lines)
        // The second waits for the first's lock on the order, then sees its lines.
        const second = replace(other, [b.vo], b.lines).then(() => other.query("commit"))
        await new Promise((r) => setTimeout(r, 50))
        await db.query("commit")
        await second
      }
    } finally {
      await other.end()
    }
    await compareReads(20)
    await expectRollupsEqualRebuild()
  })

  it("counts a buyer once when two of their orders on one day are synced at the same time", async () => {
    const other = new pg.Client({ connectionString: `${base}/${dbName}` })
    await other.connect()
    try {
      for (let i = 0; i < 8; i++) {
        // A buyer (and company) with no day yet: each sync alone would add the same first day.
        const [x] = newOrder()
        const [y] = newOrder()
        const placed = (x.lines[0].placed_at as Date).getTime()
        for (const l of y.lines) Object.assign(l, { placed_at: new Date(placed + 1000), currency_code: x.lines[0].currency_code })
        for (const l of [...x.lines, ...y.lines])
          Object.assign(l, { customer_id: `cus_same_${i}`, company_id: `comp_same_${i}`, is_order_head: l.is_vendor_order_head })
        await db.query("begin")
        await other.query("begin")
        await replace(db, [x.vo], x.lines)
        const second = replace(other, [y.vo], y.lines).then(() => other.query("commit"))
        await new Promise((r) => setTimeout(r, 50))
        await db.query("commit")
        await second
      }
    } finally {
      await other.end()
    }
    // Over the whole span (whole UTC days only): a buyer whose first day was added twice would count twice.
    for (const currency of ["eur", "usd"]) {
      const scope = { currency_code: currency, from: new Date(START - 86_400_000), to: new Date(START + (SPAN_DAYS + 2) * 86_400_000) }
      const got = aggregateSql({ ...scope, tz: "UTC", use_rollups: true, vendor_id: null })
      const [row] = await q(got.sql, got.params)
      const [expected] = await q(
        `select count(distinct customer_id)::text as b, count(distinct company_id)::text as c from sales_fact
          where is_order_head and deleted_at is null and currency_code = ? and placed_at >= ? and placed_at < ?`,
        [currency, scope.from, scope.to]
      )
      expect([currency, row.buyer_count, row.company_count]).toEqual([currency, expected.b, expected.c])
    }
    await compareReads(20)
    await expectRollupsEqualRebuild()
  })
})
