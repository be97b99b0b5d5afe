/**
 * The analytics SQL, in one place. Every query has two sources:
 * - the hourly rollups (sales_rollup_hourly per vendor, sales_rollup_hourly_all
 *   for the marketplace), when the range starts and ends on whole hours and
 *   the time zone's offset is whole hours, so hourly buckets fall exactly
 *   into its days, weeks and months;
 * - the facts otherwise (exact for any instant and any time zone).
 * Top products, categories and companies and vendor performance read the
 * daily rollups (sales_rollup_daily_*) for the whole UTC days inside any
 * range and the facts for the partial days at its edges: an order's lines
 * share one placed_at, so distinct-order counts of disjoint intervals add up.
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

/** Totals, and distinct buyers and buyer companies (always from the facts' head lines). */
export function aggregateSql(scope: Scope): Sql {
  const src = source(scope)
  const w = where(scope, src.time)
  const head = scope.vendor_id ? "is_vendor_order_head" : "is_order_head"
  const b = where(scope, "placed_at")
  // Distinct counts as hash aggregates over the head lines' index-only scan
  // (count(distinct …) would sort: about twice as slow at 60k heads).
  return {
    sql: `with heads as (select customer_id, company_id from sales_fact where ${head} and ${b.sql})
          select r.*,
                 (select count(*) from (select customer_id from heads where customer_id is not null group by customer_id) c)::bigint as buyer_count,
                 (select count(*) from (select company_id from heads where company_id is not null group by company_id) c)::bigint as company_count
            from (select ${src.metrics} from ${src.table} where ${w.sql}) r`,
    params: [...b.params, ...w.params],
  }
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
export function topSql(scope: Scope & { dimension: "vendor" | "product" | "category" | "company"; limit: number }): Sql {
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
  const days = wholeDays(scope)
  if (scope.dimension !== "vendor" && days) {
    // Whole UTC days from the daily rollups, the partial days at the edges from the facts. A rollup
    // row with no order left (its lines deleted or moved) is all zeros and stays out, as on the facts.
    const column = { product: "product_id", category: "category_id", company: "company_id" }[scope.dimension]
    const perVendor = scope.dimension === "product" || !!scope.vendor_id
    const table = perVendor ? "sales_rollup_daily_item" : "sales_rollup_daily_item_all"
    const params: unknown[] = [scope.currency_code, scope.dimension, days.first, days.last]
    let vendor = ""
    if (scope.vendor_id) {
      vendor = " and vendor_id = ?"
      params.unshift(scope.vendor_id)
    }
    const parts = [
      `select key as id, gmv_minor, order_count, commission_minor, quantity from ${table}
        where ${vendor ? "vendor_id = ? and " : ""}currency_code = ? and dimension = ? and day >= ?::date and day < ?::date and order_count > 0`,
    ]
    // Edge lines one by one, so one hash aggregate does all (a second aggregation level
    // over numeric sums costs more than the edges): an (id, order) pair counts once.
    for (const [from, to] of days.edges) {
      parts.push(`select ${column}, total_minor - refunded_minor, (row_number() over (partition by ${column}, order_id) = 1)::int,
                         commission_minor, quantity - returned_quantity
                    from sales_fact where deleted_at is null and currency_code = ? and placed_at >= ? and placed_at < ?${vendor}
                     and line_type = 'item' and ${column} is not null`)
      params.push(scope.currency_code, from, to, ...(scope.vendor_id ? [scope.vendor_id] : []))
    }
    return {
      sql: `select id, sum(gmv_minor)::bigint as gmv_minor, sum(order_count)::bigint as order_count,
                   sum(commission_minor)::bigint as commission_minor, sum(quantity)::bigint as quantity
              from (${parts.join("\n union all ")}) p
             group by id order by gmv_minor desc, id limit ?`,
      params: [...params, scope.limit],
    }
  }
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
 * The vendor-order counts per vendor over the range (vendors with vendor
 * orders in it only): the daily rollup for the whole UTC days, the head
 * lines for the partial days (or the whole range when it holds no whole day).
 */
export function vendorOrderCountsSql(scope: Pick<Scope, "currency_code" | "from" | "to">): Sql {
  const days = wholeDays(scope)
  const parts: string[] = []
  const params: unknown[] = []
  if (days) {
    parts.push(`select vendor_id, vendor_order_count, accepted_count, decided_count, canceled_count, delivered_count, returned_count
                  from sales_rollup_daily_vendor_orders where currency_code = ? and day >= ?::date and day < ?::date`)
    params.push(scope.currency_code, days.first, days.last)
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

/**
 * Per vendor, over the vendor orders placed in the range (one head line
 * each): acceptance = accepted / (accepted + rejected); cancellation =
 * rejected or canceled / all; returns = with a return / delivered; late =
 * shipped after the SLA, or not shipped and past it / those due by now;
 * the median hours from placing to shipping. The counts and the page come
 * from vendorOrderCountsSql; the median and the late and due counts (which
 * depend on the request: a median, the SLA, now) from the head lines of the
 * page's vendors only, through their per-vendor index.
 */
export function performanceSql(scope: Scope & { sla_hours: number; now: Date; limit: number; offset: number }): Sql {
  const counts = vendorOrderCountsSql(scope)
  return {
    sql: `with page as (
            select c.*, count(*) over ()::bigint as vendor_total from (${counts.sql}) c
             order by vendor_order_count desc, vendor_id limit ? offset ?
          )
          select page.*, s.median_hours_to_ship, s.late_count, s.due_count
            from page cross join lateral (
              select percentile_cont(0.5) within group (order by extract(epoch from shipped_at - placed_at) / 3600)
                       filter (where shipped_at is not null) as median_hours_to_ship,
                     count(*) filter (where shipped_at > placed_at + make_interval(hours => ?)
                                         or (shipped_at is null and canceled_at is null and placed_at + make_interval(hours => ?) < ?))::bigint as late_count,
                     count(*) filter (where shipped_at is not null
                                         or (canceled_at is null and placed_at + make_interval(hours => ?) < ?))::bigint as due_count
                from sales_fact
               where is_vendor_order_head and deleted_at is null and vendor_id = page.vendor_id
                 and currency_code = ? and placed_at >= ? and placed_at < ?
            ) s
           order by page.vendor_order_count desc, page.vendor_id`,
    params: [
      ...counts.params,
      scope.limit,
      scope.offset,
      scope.sla_hours,
      scope.sla_hours,
      scope.now,
      scope.sla_hours,
      scope.now,
      scope.currency_code,
      scope.from,
      scope.to,
    ],
  }
}
