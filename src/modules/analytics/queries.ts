/**
 * The analytics SQL, in one place. Every query has two sources:
 * - the hourly rollups (sales_rollup_hourly per vendor, sales_rollup_hourly_all
 *   for the marketplace), when the range starts and ends on whole hours and
 *   the time zone's offset is whole hours, so hourly buckets fall exactly
 *   into its days, weeks and months;
 * - the facts otherwise (exact for any instant and any time zone).
 * Top products, categories and companies and vendor performance read the
 * daily rollups (sales_rollup_daily_*) for the whole UTC days inside any
 * range (top lists: the monthly ones, sales_rollup_monthly_*, for its whole
 * UTC months) and the facts for the partial days at its edges: an order's
 * lines share one placed_at, so distinct-order counts of disjoint intervals
 * add up. Distinct buyers and companies read sales_rollup_buyer_* for the
 * whole UTC days and the head lines for the edges.
 * Amounts are minor units (bigint); the API turns them into the currency's units.
 */
export type Scope = {
  currency_code: string
  from: Date
  to: Date
  tz: string
  vendor_id?: string | null
  use_rollups: boolean
}

type Sql = { sql: string; params: unknown[] }

function source(scope: Scope) {
  const vendor = !!scope.vendor_id
  if (scope.use_rollups) {
    return {
      table: vendor ? "sales_rollup_hourly" : "sales_rollup_hourly_all",
      time: "bucket",
      metrics: `coalesce(sum(gmv_minor), 0)::bigint as gmv_minor,
                coalesce(sum(commission_minor), 0)::bigint as commission_minor,
                coalesce(sum(refunded_minor), 0)::bigint as refunded_minor,
                coalesce(sum(${vendor ? "vendor_order_count" : "order_count"}), 0)::bigint as order_count,
                coalesce(sum(vendor_order_count), 0)::bigint as vendor_order_count,
                coalesce(sum(canceled_vendor_order_count), 0)::bigint as canceled_vendor_order_count`,
    }
  }
  const head = vendor ? "is_vendor_order_head" : "is_order_head"
  return {
    table: "sales_fact",
    time: "placed_at",
    metrics: `coalesce(sum(total_minor - refunded_minor), 0)::bigint as gmv_minor,
              coalesce(sum(commission_minor), 0)::bigint as commission_minor,
              coalesce(sum(refunded_minor), 0)::bigint as refunded_minor,
              count(*) filter (where ${head})::bigint as order_count,
              count(*) filter (where is_vendor_order_head)::bigint as vendor_order_count,
              count(*) filter (where is_vendor_order_head and canceled_at is not null)::bigint as canceled_vendor_order_count`,
  }
}

function where(scope: Scope, time: string): Sql {
  const params: unknown[] = [scope.currency_code, scope.from, scope.to]
  // Facts are never soft-deleted, but the condition lets PostgreSQL use their (partial) indexes.
  let sql = `${time === "placed_at" ? "deleted_at is null and " : ""}currency_code = ? and ${time} >= ? and ${time} < ?`
  if (scope.vendor_id) {
    sql += " and vendor_id = ?"
    params.push(scope.vendor_id)
  }
  return { sql, params }
}

/** Totals, and distinct buyers and buyer companies (sales_rollup_buyer_* for whole UTC days, head lines for the edges). */
export function aggregateSql(scope: Scope): Sql {
  const src = source(scope)
  const w = where(scope, src.time)
  const buyers = distinctKeysSql(scope, "customer")
  const companies = distinctKeysSql(scope, "company")
  return {
    sql: `select r.*, (${buyers.sql})::bigint as buyer_count, (${companies.sql})::bigint as company_count
            from (select ${src.metrics} from ${src.table} where ${w.sql}) r`,
    params: [...buyers.params, ...companies.params, ...w.params],
  }
}

/**
 * How many distinct customers (companies) have a head line in the range:
 * order heads for the marketplace, vendor-order heads for a vendor. Whole
 * UTC days [A, B) from the gaps rollup (a key counts on its first present
 * day in the range, the one whose previous present day is before A); the
 * partial days at the edges add their keys not present in [A, B).
 */
export function distinctKeysSql(scope: Scope, kind: "customer" | "company"): Sql {
  const column = kind === "customer" ? "customer_id" : "company_id"
  const head = scope.vendor_id ? "is_vendor_order_head" : "is_order_head"
  const vendor = scope.vendor_id ? " and vendor_id = ?" : ""
  const vendorParams = scope.vendor_id ? [scope.vendor_id] : []
  const heads = (from: Date, to: Date) => ({
    sql: `select ${column} as key from sales_fact where ${head} and deleted_at is null and currency_code = ? and placed_at >= ? and placed_at < ?${vendor} and ${column} is not null`,
    params: [scope.currency_code, from, to, ...vendorParams],
  })
  const days = wholeDays(scope)
  if (!days) {
    const h = heads(scope.from, scope.to)
    // A hash aggregate, not count(distinct …), which sorts.
    return { sql: `select count(*) from (${h.sql} group by 1) k`, params: h.params }
  }
  const key = [scope.vendor_id ?? "", scope.currency_code, kind]
  let sql = `select coalesce(sum(buyers), 0) from sales_rollup_buyer_gaps
              where vendor_id = ? and currency_code = ? and kind = ? and day >= ?::date and day < ?::date and prev_day < ?::date`
  const params: unknown[] = [...key, days.first, days.last, days.first]
  if (days.edges.length) {
    const edges = days.edges.map(([from, to]) => heads(from, to))
    sql = `(${sql}) + (select count(*) from (${edges.map((e) => e.sql).join(" union ")}) e
             where not exists (select 1 from sales_rollup_buyer_days p where p.vendor_id = ? and p.currency_code = ? and p.kind = ?
                                  and p.key = e.key and p.day >= ?::date and p.day < ?::date and p.heads > 0))`
    params.push(...edges.flatMap((e) => e.params), ...key, days.first, days.last)
  }
  return { sql, params }
}

/** A series by day, week (ISO, from Monday) or month in `tz`, with every period present. */
export function seriesSql(scope: Scope & { interval: "day" | "week" | "month" }): Sql {
  const src = source(scope)
  const w = where(scope, src.time)
  return {
    sql: `with periods as (
            select generate_series(
                     date_trunc(?, ?::timestamptz at time zone ?),
                     date_trunc(?, (?::timestamptz - interval '1 microsecond') at time zone ?),
                     ?::interval) as period
          ), agg as (
            select date_trunc(?, ${src.time} at time zone ?) as period, ${src.metrics}
              from ${src.table} where ${w.sql} group by 1
          )
          select to_char(p.period, 'YYYY-MM-DD') as period,
                 coalesce(a.gmv_minor, 0) as gmv_minor, coalesce(a.commission_minor, 0) as commission_minor,
                 coalesce(a.refunded_minor, 0) as refunded_minor, coalesce(a.order_count, 0) as order_count,
                 coalesce(a.vendor_order_count, 0) as vendor_order_count
            from periods p left join agg a on a.period = p.period
           order by p.period`,
    params: [
      scope.interval,
      scope.from,
      scope.tz,
      scope.interval,
      scope.to,
      scope.tz,
      `1 ${scope.interval}`,
      scope.interval,
      scope.tz,
      ...w.params,
    ],
  }
}

/** The top ids of a dimension by GMV, with order counts. */
export function topSql(
  scope: Scope & { dimension: "vendor" | "product" | "category" | "company"; limit: number } & Pick<
      TopScope,
      "candidates" | "candidates_only"
    >
): Sql {
  const days = wholeDays(scope)
  if (scope.dimension === "vendor" && !scope.vendor_id && days) return vendorTopSql(scope, days)
  if (scope.dimension === "vendor" && scope.use_rollups && !scope.vendor_id) {
    const w = where(scope, "bucket")
    return {
      sql: `select vendor_id as id, sum(gmv_minor)::bigint as gmv_minor, sum(vendor_order_count)::bigint as order_count,
                   sum(commission_minor)::bigint as commission_minor, sum(quantity)::bigint as quantity
              from sales_rollup_hourly where ${w.sql}
             group by vendor_id order by gmv_minor desc, vendor_id limit ?`,
      params: [...w.params, scope.limit],
    }
  }
  if (scope.dimension !== "vendor" && days) return rollupTopSql({ ...scope, dimension: scope.dimension }, days)
  const column = { vendor: "vendor_id", product: "product_id", category: "category_id", company: "company_id" }[scope.dimension]
  const w = where(scope, "placed_at")
  const orders = scope.dimension === "vendor" ? "count(*) filter (where is_vendor_order_head)" : "count(distinct order_id)"
  const lines = scope.dimension === "vendor" ? "" : "and line_type = 'item' "
  return {
    sql: `select ${column} as id, sum(total_minor - refunded_minor)::bigint as gmv_minor, ${orders}::bigint as order_count,
                 sum(commission_minor)::bigint as commission_minor, sum(quantity - returned_quantity)::bigint as quantity
            from sales_fact where ${w.sql} ${lines}and ${column} is not null
           group by ${column} order by gmv_minor desc, ${column} limit ?`,
    params: [...w.params, scope.limit],
  }
}

/**
 * The operator's top vendors: the whole UTC days as blocks of
 * sales_rollup_vendor_blocks (at most 2·log2(days) rows per vendor), the
 * partial days at the edges from the hourly rollup when the range is
 * hour-aligned (a row counts when it holds anything) and from the facts
 * otherwise. A vendor is listed when it has live lines in the range.
 */
function vendorTopSql(scope: Scope & { limit: number }, days: NonNullable<ReturnType<typeof wholeDays>>): Sql {
  const blocks = blocksWhere(dayBlocks(days.first, days.last))
  const parts = [
    `select vendor_id, gmv_minor, vendor_order_count, commission_minor, quantity, line_count from sales_rollup_vendor_blocks
      where currency_code = ? and ${blocks.sql}`,
  ]
  const params: unknown[] = [scope.currency_code, ...blocks.params]
  for (const [from, to] of days.edges) {
    parts.push(
      scope.use_rollups
        ? `select vendor_id, gmv_minor, vendor_order_count, commission_minor, quantity,
                  (gmv_minor <> 0 or refunded_minor <> 0 or commission_minor <> 0 or quantity <> 0 or vendor_order_count <> 0)::int
             from sales_rollup_hourly where currency_code = ? and bucket >= ? and bucket < ?`
        : `select vendor_id, total_minor - refunded_minor, is_vendor_order_head::int, commission_minor, quantity - returned_quantity, 1
             from sales_fact where deleted_at is null and currency_code = ? and placed_at >= ? and placed_at < ?`
    )
    params.push(scope.currency_code, from, to)
  }
  return {
    sql: `select vendor_id as id, sum(gmv_minor)::bigint as gmv_minor, sum(vendor_order_count)::bigint as order_count,
                 sum(commission_minor)::bigint as commission_minor, sum(quantity)::bigint as quantity
            from (${parts.join("\n union all ")}) p
           group by vendor_id having sum(line_count) > 0
           order by gmv_minor desc, vendor_id limit ?`,
    params: [...params, scope.limit],
  }
}

type TopScope = Scope & {
  dimension: "product" | "category" | "company"
  limit: number
  /** Ids taken from each block (default: limit + 20); tests make it small. */
  candidates?: number
  /** Tests: the candidates' ranking alone, with `exact` (whether it is the answer). */
  candidates_only?: boolean
}

/**
 * A top list from the item rollups: whole UTC months from the monthly
 * tables, the other whole days from the daily ones, the partial days at the
 * edges from the facts. A rollup row with no order left (its lines deleted
 * or moved) is all zeros and stays out, as on the facts.
 *
 * The operator's lists first try the few candidates (exact, no full
 * aggregation): the top `candidates` ids of each block (a month, a day, the
 * edges), ranked by their exact totals over the range. An id outside them
 * has at most the next value of each block, so when the sum of those
 * bounds is below the last candidate ranked, the candidates are the answer;
 * otherwise every row of the range is aggregated (the same statement).
 */
function rollupTopSql(scope: TopScope, days: NonNullable<ReturnType<typeof wholeDays>>): Sql {
  const column = { product: "product_id", category: "category_id", company: "company_id" }[scope.dimension]
  const suffix = scope.dimension === "product" || !!scope.vendor_id ? "item" : "item_all"
  const vendorParams = scope.vendor_id ? [scope.vendor_id] : []
  const months = wholeMonths(days.first, days.last)
  const spans: ["month" | "day", string, string][] = months
    ? [["month", months.first, months.last], ...months.days.map(([a, b]) => ["day", a, b] as ["day", string, string])]
    : [["day", days.first, days.last]]
  const table = (unit: "month" | "day") => `sales_rollup_${unit === "month" ? "monthly" : "daily"}_${suffix}`

  // The rollup rows of the range (of the ids `keys` selects only, through the key index, when given).
  const rows = (keys?: string): Sql => {
    const parts: string[] = []
    const params: unknown[] = []
    for (const [unit, a, b] of spans) {
      parts.push(`select key as id, gmv_minor, order_count, commission_minor, quantity from ${table(unit)}
        where ${scope.vendor_id ? "vendor_id = ? and " : ""}currency_code = ? and dimension = ?${keys ? ` and key = any(array(${keys}))` : ""}
          and ${unit} >= ?::date and ${unit} < ?::date and order_count > 0`)
      params.push(...vendorParams, scope.currency_code, scope.dimension, a, b)
    }
    return { sql: parts.join("\n union all "), params }
  }
  // The edge lines one by one, so one hash aggregate does all (a second aggregation level
  // over numeric sums costs more than the edges): an (id, order) pair counts once.
  const edges: Sql = { sql: "", params: [] }
  edges.sql = days.edges
    .map(([from, to]) => {
      edges.params.push(scope.currency_code, from, to, ...vendorParams)
      return `select ${column} as id, total_minor - refunded_minor as gmv_minor, (row_number() over (partition by ${column}, order_id) = 1)::int as order_count,
                     commission_minor, quantity - returned_quantity as quantity
                from sales_fact where deleted_at is null and currency_code = ? and placed_at >= ? and placed_at < ?${scope.vendor_id ? " and vendor_id = ?" : ""}
                 and line_type = 'item' and ${column} is not null`
    })
    .join("\n union all ")
  const sums = `sum(gmv_minor)::bigint as gmv_minor, sum(order_count)::bigint as order_count,
                sum(commission_minor)::bigint as commission_minor, sum(quantity)::bigint as quantity`
  const all = rows()
  const full: Sql = {
    sql: `select id, ${sums} from (${[all.sql, edges.sql].filter(Boolean).join("\n union all ")}) p
           group by id order by gmv_minor desc, id limit ?`,
    params: [...all.params, ...edges.params, scope.limit],
  }
  if (scope.vendor_id) return full

  const k = scope.candidates ?? scope.limit + 20
  const params: unknown[] = [...edges.params]
  const blocks: string[] = []
  for (const [unit, a, b] of spans) {
    // Each month (day) of the span: its k + 1 biggest rows (top-k index).
    const step = unit === "month" ? "1 month" : "1 day"
    blocks.push(`select g.b::date::text as block, t.key, t.gmv_minor, t.rn
                   from generate_series(?::timestamp, ?::timestamp - interval '${step}', interval '${step}') g(b)
                  cross join lateral (
                    select key, gmv_minor, row_number() over (order by gmv_minor desc) as rn from (
                      select key, gmv_minor from ${table(unit)} where currency_code = ? and dimension = ? and ${unit} = g.b::date and order_count > 0
                       order by gmv_minor desc limit ?) s) t`)
    params.push(a, b, scope.currency_code, scope.dimension, k + 1)
  }
  if (edges.sql) {
    // In parentheses: the limit is the edges' own, not the union's.
    blocks.push(
      `(select 'edges', id, gmv_minor, row_number() over (order by gmv_minor desc) from edge_ids order by gmv_minor desc limit ?)`
    )
    params.push(k + 1)
  }
  const cand = rows("select key from candidates")
  params.push(k, ...cand.params, scope.limit, scope.limit, k, ...full.params)
  return {
    sql: `with ${edges.sql ? `edge_ids as (select id, ${sums} from (${edges.sql}) e group by id),` : ""}
          blocks as (${blocks.join("\n union all ")}),
          candidates as (select distinct key from blocks where rn <= ?),
          ranked as (
            select id, ${sums} from (${cand.sql}${edges.sql ? "\n union all select * from edge_ids where id in (select key from candidates)" : ""}) c
             group by id order by gmv_minor desc, id limit ?),
          exact as (
            select count(*) = ? and min(gmv_minor) > (select coalesce(sum(greatest(gmv_minor, 0)), 0) from blocks where rn = ? + 1) as ok from ranked)
          ${
            scope.candidates_only
              ? "select ranked.*, (select ok from exact) as exact from ranked order by gmv_minor desc, id"
              : `select * from ranked where (select ok from exact)
          union all`
          }
          ${scope.candidates_only ? "" : `select * from (${full.sql}) f where not (select ok from exact) order by gmv_minor desc, id`}`,
    params: scope.candidates_only ? params.slice(0, params.length - full.params.length) : params,
  }
}

const DAY_MS = 86_400_000

/**
 * The whole UTC days inside [from, to) (`first` ≤ day < `last`, as
 * YYYY-MM-DD) and the partial intervals before and after them, or null
 * when the range holds no whole UTC day (then the facts answer alone).
 */
export function wholeDays(scope: { from: Date; to: Date }): { first: string; last: string; edges: [Date, Date][] } | null {
  const first = Math.ceil(scope.from.getTime() / DAY_MS) * DAY_MS
  const last = Math.floor(scope.to.getTime() / DAY_MS) * DAY_MS
  if (last <= first) return null
  const edges: [Date, Date][] = []
  if (scope.from.getTime() < first) edges.push([scope.from, new Date(first)])
  if (last < scope.to.getTime()) edges.push([new Date(last), scope.to])
  const day = (t: number) => new Date(t).toISOString().slice(0, 10)
  return { first: day(first), last: day(last), edges }
}

/**
 * The whole UTC months inside the UTC days [first, last) (`first` ≤ month <
 * `last`, first days of months as YYYY-MM-DD) and the day spans before and
 * after them, or null when they hold no whole month.
 */
export function wholeMonths(first: string, last: string): { first: string; last: string; days: [string, string][] } | null {
  const f = new Date(`${first}T00:00:00Z`)
  const l = new Date(`${last}T00:00:00Z`)
  const m1 = f.getUTCDate() === 1 ? f.getTime() : Date.UTC(f.getUTCFullYear(), f.getUTCMonth() + 1, 1)
  const m2 = Date.UTC(l.getUTCFullYear(), l.getUTCMonth(), 1)
  if (m2 <= m1) return null
  const day = (t: number) => new Date(t).toISOString().slice(0, 10)
  const days: [string, string][] = []
  if (f.getTime() < m1) days.push([first, day(m1)])
  if (m2 < l.getTime()) days.push([day(m2), last])
  return { first: day(m1), last: day(m2), days }
}

/**
 * The whole UTC days [first, last) as the blocks of Migration20261203150000:
 * at each step the largest block (2^level days, level ≤ 9, aligned on
 * 1970-01-01) that starts there and ends inside. At most 2·log2(days)
 * blocks (5 for 90 days).
 */
export function dayBlocks(first: string, last: string): { level: number; start: string }[] {
  let a = Date.parse(`${first}T00:00:00Z`) / DAY_MS
  const b = Date.parse(`${last}T00:00:00Z`) / DAY_MS
  const blocks: { level: number; start: string }[] = []
  while (a < b) {
    let level = 0
    while (level < 9 && a % 2 ** (level + 1) === 0 && a + 2 ** (level + 1) <= b) level++
    blocks.push({ level, start: new Date(a * DAY_MS).toISOString().slice(0, 10) })
    a += 2 ** level
  }
  return blocks
}

/** `(level, start) in (…)` for blocks (none: false). */
function blocksWhere(blocks: { level: number; start: string }[], alias = ""): Sql {
  if (!blocks.length) return { sql: "false", params: [] }
  return {
    sql: `(${alias}level, ${alias}start) in (${blocks.map(() => "(?::smallint, ?::date)").join(", ")})`,
    params: blocks.flatMap((b) => [b.level, b.start]),
  }
}

const VENDOR_ORDER_COUNTS = "vendor_order_count, accepted_count, decided_count, canceled_count, delivered_count, returned_count"

/**
 * The vendor-order counts per vendor over the range (vendors with vendor
 * orders in it only): the whole UTC days as blocks (level 0 from the daily
 * rollup, the others from sales_rollup_vendor_orders_blocks), the head
 * lines for the partial days (or the whole range when it holds no whole day).
 */
export function vendorOrderCountsSql(scope: Pick<Scope, "currency_code" | "from" | "to">): Sql {
  const days = wholeDays(scope)
  const parts: string[] = []
  const params: unknown[] = []
  if (days) {
    const blocks = dayBlocks(days.first, days.last)
    const single = blocks.filter((b) => b.level === 0).map((b) => b.start)
    const wider = blocksWhere(blocks.filter((b) => b.level > 0))
    if (single.length) {
      // A list of placeholders, not an array parameter: the module's SQL goes through knex, which expands arrays.
      parts.push(
        `select vendor_id, ${VENDOR_ORDER_COUNTS} from sales_rollup_daily_vendor_orders where currency_code = ? and day in (${single.map(() => "?::date").join(", ")})`
      )
      params.push(scope.currency_code, ...single)
    }
    if (wider.params.length) {
      parts.push(`select vendor_id, ${VENDOR_ORDER_COUNTS} from sales_rollup_vendor_orders_blocks where currency_code = ? and ${wider.sql}`)
      params.push(scope.currency_code, ...wider.params)
    }
  }
  for (const [from, to] of days ? days.edges : [[scope.from, scope.to]]) {
    parts.push(`select vendor_id, count(*) as vendor_order_count, count(accepted_at) as accepted_count,
                       count(*) filter (where accepted_at is not null or vendor_order_status = 'rejected') as decided_count,
                       count(canceled_at) as canceled_count, count(delivered_at) as delivered_count,
                       count(*) filter (where has_return) as returned_count
                  from sales_fact where is_vendor_order_head and deleted_at is null and currency_code = ? and placed_at >= ? and placed_at < ?
                 group by vendor_id`)
    params.push(scope.currency_code, from, to)
  }
  return {
    sql: `select vendor_id, sum(vendor_order_count)::bigint as vendor_order_count, sum(accepted_count)::bigint as accepted_count,
                 sum(decided_count)::bigint as decided_count, sum(canceled_count)::bigint as canceled_count,
                 sum(delivered_count)::bigint as delivered_count, sum(returned_count)::bigint as returned_count
            from (${parts.join("\n union all ")}) p
           group by vendor_id having sum(vendor_order_count) > 0`,
    params,
  }
}

type PerformanceScope = Scope & {
  sla_hours: number
  now: Date
  limit: number
  offset: number
  /** Vendors with at most this many vendor orders in the range are read from their head lines (default 200; tests vary it). */
  facts_up_to?: number
}

/** The per-vendor figures from every head line of `page.vendor_id` in the range (parameters: see factsLateralParams). */
const FACTS_LATERAL = `select (select lo + 0.5::float8 * (hi - lo) from (
                        select (extract(epoch from percentile_disc(0.5) within group (order by shipped_at - placed_at)
                                  filter (where shipped_at is not null)) / 3600)::float8 as lo,
                               (extract(epoch from percentile_disc(0.5) within group (order by shipped_at - placed_at desc)
                                  filter (where shipped_at is not null)) / 3600)::float8 as hi) m) as median_hours_to_ship,
                     count(*) filter (where shipped_at > placed_at + make_interval(hours => ?)
                                         or (shipped_at is null and canceled_at is null and placed_at + make_interval(hours => ?) < ?))::bigint as late_count,
                     count(*) filter (where shipped_at is not null
                                         or (canceled_at is null and placed_at + make_interval(hours => ?) < ?))::bigint as due_count
                from sales_fact
               where is_vendor_order_head and deleted_at is null and vendor_id = page.vendor_id
                 and currency_code = ? and placed_at >= ? and placed_at < ?`
const factsLateralParams = (scope: PerformanceScope) => [
  scope.sla_hours,
  scope.sla_hours,
  scope.now,
  scope.sla_hours,
  scope.now,
  scope.currency_code,
  scope.from,
  scope.to,
]

/**
 * Per vendor, over the vendor orders placed in the range (one head line
 * each): acceptance = accepted / (accepted + rejected); cancellation =
 * rejected or canceled / all; returns = with a return / delivered; late =
 * shipped after the SLA, or not shipped and past it / those due by now;
 * the median hours from placing to shipping. The counts and the page come
 * from vendorOrderCountsSql.
 *
 * For the page's vendors, the shipped vendor orders per whole hour to ship
 * (h = ceil(delay / 1 hour)) come from sales_rollup_ship_hours (one row
 * per block: hours and counts as arrays, Migration20261203170000) for the
 * whole UTC days (the same blocks) and from the head lines for the edges.
 * They give the shipped count, the shipped-late count for an SLA of whole
 * hours (h > SLA), and the hours holding the two middle delays and their
 * ranks there; the delays themselves are read from the facts of that one
 * hour (IDX_sales_fact_ship_hours). Open vendor orders past the SLA come
 * from the head lines (IDX_sales_fact_open_heads: few). An SLA that is not
 * a whole number of hours reads every head line of the page's vendors.
 *
 * The median is percentile_cont(0.5) over the hours to ship, computed as
 * PostgreSQL does (lower + 0.5 × (upper − lower) in float8) from the two
 * middle delays (1-based ranks ⌊(n − 1) / 2⌋ + 1 and ⌊n / 2⌋ + 1 of n,
 * the ones percentile_disc picks ascending and descending).
 */
export function performanceSql(scope: PerformanceScope): Sql {
  if (!Number.isInteger(scope.sla_hours) || scope.sla_hours < 0) return performanceFactsSql(scope)
  const counts = vendorOrderCountsSql(scope)
  const upTo = scope.facts_up_to ?? 200
  const days = wholeDays(scope)
  const blockList = days ? dayBlocks(days.first, days.last) : []
  const edges = days ? days.edges : [[scope.from, scope.to] as [Date, Date]]
  // One vendor's shipped vendor orders per hour: one index range per block (level and start as equalities), and the edges' lines.
  const cells = [
    ...(blockList.length
      ? [
          `select unnest(h.hours), unnest(h.shipped) from (values ${blockList.map(() => "(?::smallint, ?::date)").join(", ")}) b(level, start)
             join sales_rollup_ship_hours h on h.currency_code = ? and h.vendor_id = page.vendor_id and h.level = b.level and h.start = b.start`,
        ]
      : []),
    ...edges.map(
      () => `select lilium_ship_hours(f.placed_at, f.shipped_at), 1 from sales_fact f
               where f.is_vendor_order_head and f.deleted_at is null and f.shipped_at is not null
                 and f.vendor_id = page.vendor_id and f.currency_code = ? and f.placed_at >= ? and f.placed_at < ?`
    ),
  ]
  const cellParams = [
    ...blockList.flatMap((b) => [b.level, b.start]),
    ...(blockList.length ? [scope.currency_code] : []),
    ...edges.flatMap(([from, to]) => [scope.currency_code, from, to]),
  ]
  // The delay of rank r within one vendor's hour.
  const delay = (which: "lo" | "hi") =>
    `(select f.shipped_at - f.placed_at from sales_fact f
       where f.is_vendor_order_head and f.deleted_at is null and f.shipped_at is not null
         and f.vendor_id = page.vendor_id and f.currency_code = ? and lilium_ship_hours(f.placed_at, f.shipped_at) = m.${which}_hours
         and f.placed_at >= ? and f.placed_at < ?
       order by 1 offset m.${which}_rank - 1 limit 1)`
  // Per vendor (a lateral: its hours sort as integers), the hours with the counts below them.
  const lo = "(total - 1) / 2 + 1"
  const hi = "total / 2 + 1"
  return {
    sql: `with page as (
            select c.*, count(*) over ()::bigint as vendor_total from (${counts.sql}) c
             order by vendor_order_count desc, vendor_id limit ? offset ?
          )
          select page.*,
                 case when s.small then s.median_hours_to_ship else
                 (select lo + 0.5::float8 * (hi - lo) from (
                    select (extract(epoch from ${delay("lo")}) / 3600)::float8 as lo,
                           (extract(epoch from ${delay("hi")}) / 3600)::float8 as hi) d
                   where m.shipped is not null) end as median_hours_to_ship,
                 case when s.small then s.late_count else (coalesce(m.late_shipped, 0) + o.overdue)::bigint end as late_count,
                 case when s.small then s.due_count else (coalesce(m.shipped, 0) + o.overdue)::bigint end as due_count
            from page
           -- Small vendors: their few head lines (the hours' lateral costs more than reading them).
           cross join lateral (
              ${FACTS_LATERAL.replace("select (select lo", "select page.vendor_order_count <= ? as small, (select lo")}
                 and page.vendor_order_count <= ?
           ) s
           cross join lateral (
             select max(total) as shipped, sum(n) filter (where hours > ?) as late_shipped,
                    max(hours) filter (where ${lo} > below and ${lo} <= below + n) as lo_hours,
                    max(${lo} - below) filter (where ${lo} > below and ${lo} <= below + n) as lo_rank,
                    max(hours) filter (where ${hi} > below and ${hi} <= below + n) as hi_hours,
                    max(${hi} - below) filter (where ${hi} > below and ${hi} <= below + n) as hi_rank
               from (select hours, n, sum(n) over (order by hours) - n as below, sum(n) over () as total
                       from (select hours, sum(n)::integer as n from (${cells.join("\n union all ")}) x(hours, n)
                              group by hours having sum(n) <> 0) y) c
              where page.vendor_order_count > ?
           ) m
           cross join lateral (
             select count(*) as overdue from sales_fact f
              where f.is_vendor_order_head and f.deleted_at is null and f.shipped_at is null and f.canceled_at is null
                and f.vendor_id = page.vendor_id and f.currency_code = ? and f.placed_at >= ? and f.placed_at < ?
                and f.placed_at + make_interval(hours => ?) < ? and page.vendor_order_count > ?
           ) o
           order by page.vendor_order_count desc, page.vendor_id`,
    params: [
      ...counts.params,
      scope.limit,
      scope.offset,
      scope.currency_code,
      scope.from,
      scope.to,
      scope.currency_code,
      scope.from,
      scope.to,
      upTo,
      ...factsLateralParams(scope),
      upTo,
      scope.sla_hours,
      ...cellParams,
      upTo,
      scope.currency_code,
      scope.from,
      scope.to,
      scope.sla_hours,
      scope.now,
      upTo,
    ],
  }
}

/**
 * Vendor performance from every head line of the page's vendors (the SLA is
 * not a whole number of hours): the median from the two middle delays,
 * which percentile_disc picks by sorting the intervals themselves
 * (ascending and descending).
 */
export function performanceFactsSql(scope: PerformanceScope): Sql {
  const counts = vendorOrderCountsSql(scope)
  return {
    sql: `with page as (
            select c.*, count(*) over ()::bigint as vendor_total from (${counts.sql}) c
             order by vendor_order_count desc, vendor_id limit ? offset ?
          )
          select page.*, s.median_hours_to_ship, s.late_count, s.due_count
            from page cross join lateral (
              ${FACTS_LATERAL}
            ) s
           order by page.vendor_order_count desc, page.vendor_id`,
    params: [...counts.params, scope.limit, scope.offset, ...factsLateralParams(scope)],
  }
}
