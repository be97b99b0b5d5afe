#!/usr/bin/env node
// Analytics benchmark, end to end with one command:
// - `npm run bench:data -- --orders 250000 --vendors 500`: (re)creates the
//   database lilium_bench_analytics, migrates it and bulk-loads the sales
//   facts (bench/analytics-data.ts);
// - `npm run bench:analytics [-- --requests 100 --out bench/out/analytics.json --no-facts]`: loads the default data set
//   first if there is none, starts Medusa on it (`medusa start`), and times
//   each analytics endpoint over HTTP (p50/p95 over N requests after a
//   warm-up) against two hand-written SQL versions in psql with \timing:
//   the same SQL the endpoint runs (rollups where it uses them), and the
//   straightforward aggregate over the fact table; prints the table and
//   writes bench/out/analytics.json.
// The database server is BENCH_DATABASE_URL's (or DATABASE_URL's); without
// either, an embedded PostgreSQL kept in .lilium/bench-pg.
// `--db NAME` (both commands) uses the database lilium_bench_NAME instead of
// lilium_bench_analytics, so data sets of several sizes can sit side by side
// (e.g. `--db analytics_10m` for the 10M-line growth run); the run then writes
// bench/out/NAME.json unless --out is given, the load also copies its table
// sizes to bench/out/NAME-data.json, and the vendor endpoints' SQL takes the
// bench vendor's id from that database (bench/out/analytics-setup.json holds
// the id of the last load only).
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import pg from "pg"
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

const command = process.argv[2]
if (!["data", "run"].includes(command)) {
  console.error("usage: node bench/analytics.mjs data [--orders N --vendors N] [--db NAME] | run [--requests N] [--db NAME]")
  process.exit(2)
}
const dbName = flag("db", "analytics")
if (!/^[a-z0-9_]+$/.test(dbName)) {
  console.error(`--db ${dbName}: lower-case letters, digits and _ only`)
  process.exit(2)
}
process.chdir(root)
const env = benchEnv()
delete env.REDIS_URL
// `medusa start` runs with NODE_ENV=production, which needs real secrets:
// the same generated-once ones as `npm start` (.lilium/secrets.json).
localSecrets.ensureLocalSecrets({ env, dir: path.join(root, ".lilium") })

const medusa = medusaCli(env)

async function loadData(url, orders, vendors) {
  await recreateDatabase(url)
  say("migrating")
  await medusa(["db:migrate"], { DATABASE_URL: url })
  say(`loading ${orders} orders across ${vendors} vendors`)
  await medusa(["exec", "./bench/analytics-data.ts"], { DATABASE_URL: url, BENCH_ORDERS: String(orders), BENCH_VENDORS: String(vendors) })
}

/** The bench vendor's id in the database at `url` (the setup file's is that of the last load, which may be another database's). */
async function benchVendorId(url, email, fallback) {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    const { rows } = await client.query("select id from vendor where email = $1 and deleted_at is null order by created_at limit 1", [
      email,
    ])
    return rows[0]?.id ?? fallback
  } finally {
    await client.end().catch(() => {})
  }
}

async function factCount(url) {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    const { rows } = await client.query("select count(*)::int as n from sales_fact")
    return rows[0].n
  } catch {
    return 0
  } finally {
    await client.end().catch(() => {})
  }
}

/** Times `sql` n times in one psql session (\timing), after 5 warm-up runs. */
function psqlTimes(url, sql, n) {
  const script = `\\timing on\n${Array.from({ length: n + 5 }, () => sql.trim().replace(/;?$/, ";")).join("\n")}\n`
  const out = spawnSync("psql", [url, "-X", "-q", "-o", "/dev/null", "-f", "-"], {
    input: script,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
  if (out.status !== 0) throw new Error(`psql failed: ${out.stderr}`)
  const times = [...(out.stdout + out.stderr).matchAll(/Time: ([\d.]+) ms/g)].map((m) => Number(m[1]))
  return times.slice(5).sort((a, b) => a - b)
}

async function timeHttp(base, path, headers, n) {
  // Warm-up; the first request may find its kept-alive socket closed by the
  // server while psql ran, so a failed warm-up request is simply repeated.
  for (let i = 0; i < 10; i++)
    await fetch(base + path, { headers }).then(
      (r) => r.arrayBuffer(),
      () => i--
    )
  const times = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    const res = await fetch(base + path, { headers })
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
    times.push(performance.now() - t)
  }
  return times.sort((a, b) => a - b)
}

const db = await database(dbName, { port: 55610, keepIn: path.join(root, ".lilium", "bench-pg") })
let server
try {
  if (command === "data") {
    await loadData(db.url, Number(flag("orders", 250_000)), Number(flag("vendors", 500)))
    if (dbName !== "analytics") fs.copyFileSync("bench/out/analytics-data.json", `bench/out/${dbName}-data.json`)
  } else {
    if (!(await factCount(db.url))) await loadData(db.url, 250_000, 500)
    const setup = JSON.parse(fs.readFileSync("bench/out/analytics-setup.json", "utf8"))
    const requests = Number(flag("requests", 100))
    // The benchmark fires hundreds of reads per token: no rate limit.
    server = await startMedusa(
      { ...env, DATABASE_URL: db.url, DISABLE_MEDUSA_ADMIN: "true", RATE_LIMIT_READ_MAX: "0" },
      { port: 9300, attempts: 240 }
    )
    const base = server.base
    const token = async (actor, body) =>
      (
        await (
          await fetch(`${base}/auth/${actor}/emailpass`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
          })
        ).json()
      ).token
    const adminAuth = { authorization: `Bearer ${await token("user", setup.admin)}` }
    const vendorAuth = { authorization: `Bearer ${await token("vendor", { email: setup.vendor.email, password: setup.vendor.password })}` }

    // The year of data ends on 2026-11-27; ranges are whole UTC days.
    const to = "2026-11-26"
    const ranges = { d90: "from=2026-08-29&to=2026-11-26", d365: "from=2025-11-28&to=2026-11-26", d30: "from=2026-10-28&to=2026-11-26" }
    const utc = (d) => `'${d}T00:00:00Z'::timestamptz`
    const next = (d) => `('${d}T00:00:00Z'::timestamptz + interval '1 day')`
    const v = await benchVendorId(db.url, setup.vendor.email, setup.vendor.id)
    // The same aggregate as the straightforward SQL over the fact table (no rollups), for the second comparison.
    const factsOverview = (
      vendor,
      a,
      b,
      c
    ) => `select (select row(sum(total_minor - refunded_minor), sum(commission_minor), count(*) filter (where ${vendor ? "is_vendor_order_head" : "is_order_head"}),
        count(*) filter (where is_vendor_order_head), count(distinct customer_id) filter (where ${vendor ? "is_vendor_order_head" : "is_order_head"}))
        from sales_fact where deleted_at is null and currency_code='eur' ${vendor ? `and vendor_id='${vendor}'` : ""} and placed_at >= ${utc(b)} and placed_at < ${c}) cur,
      (select row(sum(total_minor - refunded_minor), sum(commission_minor), count(*) filter (where ${vendor ? "is_vendor_order_head" : "is_order_head"}),
        count(*) filter (where is_vendor_order_head), count(distinct customer_id) filter (where ${vendor ? "is_vendor_order_head" : "is_order_head"}))
        from sales_fact where deleted_at is null and currency_code='eur' ${vendor ? `and vendor_id='${vendor}'` : ""} and placed_at >= ${utc(a)} and placed_at < ${utc(b)}) prev`
    const factsDaily = (
      vendor,
      from
    ) => `select date_trunc('day', placed_at at time zone 'UTC') d, sum(total_minor - refunded_minor), sum(commission_minor), count(*) filter (where is_order_head)
        from sales_fact where deleted_at is null and currency_code='eur' ${vendor ? `and vendor_id='${vendor}'` : ""} and placed_at >= ${utc(from)} and placed_at < ${next(to)} group by 1 order by 1`
    // Distinct buyers (companies) over whole UTC days [a, b): the gaps rollup (queries.ts, distinctKeysSql).
    const gaps = (vendor, kind, a, b) =>
      `(select coalesce(sum(buyers), 0) from sales_rollup_buyer_gaps where vendor_id = '${vendor}' and currency_code = 'eur' and kind = '${kind}'
          and day >= '${a}' and day < '${b}' and prev_day < '${a}')`
    // A vendor's top lists over the item rollups (whole UTC days, no edges: the months September and October from the
    // monthly rollup, the other days from the daily one) and over the facts. The operator's lists take the few
    // candidates of each day and month first (queries.ts): no hand-written copy here, HTTP only.
    const itemTop = (dim, vendor) =>
      `select key, sum(gmv_minor) g, sum(order_count), sum(commission_minor), sum(quantity) from (
         ${[
           ["daily", "day", "2026-08-29", "2026-09-01"],
           ["monthly", "month", "2026-09-01", "2026-11-01"],
           ["daily", "day", "2026-11-01", "2026-11-27"],
         ]
           .map(
             ([t, unit, a, b]) => `select key, gmv_minor, order_count, commission_minor, quantity from sales_rollup_${t}_item
                where vendor_id='${vendor}' and currency_code='eur' and dimension='${dim}' and ${unit} >= '${a}' and ${unit} < '${b}' and order_count > 0`
           )
           .join(" union all ")}) p
        group by key order by g desc, key limit 10`
    const factsTop = (dim, vendor) =>
      `select ${dim}_id, sum(total_minor - refunded_minor) g, count(distinct order_id), sum(commission_minor), sum(quantity - returned_quantity)
         from sales_fact where deleted_at is null and currency_code='eur' ${vendor ? `and vendor_id='${vendor}'` : ""}
          and placed_at >= ${utc("2026-08-29")} and placed_at < ${next(to)} and line_type='item' and ${dim}_id is not null group by 1 order by g desc, 1 limit 10`
    // Whole UTC days [first, last) as the blocks of the block rollups (queries.ts, dayBlocks).
    const dayBlocks = (first, last) => {
      let a = Date.parse(`${first}T00:00:00Z`) / 86_400_000
      const b = Date.parse(`${last}T00:00:00Z`) / 86_400_000
      const out = []
      while (a < b) {
        let level = 0
        while (level < 9 && a % 2 ** (level + 1) === 0 && a + 2 ** (level + 1) <= b) level++
        out.push([level, new Date(a * 86_400_000).toISOString().slice(0, 10)])
        a += 2 ** level
      }
      return out
    }
    const blocks90 = dayBlocks("2026-08-29", "2026-11-27")
    const inBlocks = (alias, bs) => `(${alias}level, ${alias}start) in (${bs.map(([l, d]) => `(${l}::smallint, '${d}'::date)`).join(", ")})`
    const factsPerformance = (limit) =>
      `select vendor_id, count(*), count(accepted_at), count(*) filter (where accepted_at is not null or vendor_order_status = 'rejected'), count(canceled_at),
              count(delivered_at), count(*) filter (where has_return),
              percentile_cont(0.5) within group (order by extract(epoch from shipped_at - placed_at)/3600) filter (where shipped_at is not null),
              count(*) filter (where shipped_at > placed_at + interval '48 hours' or (shipped_at is null and canceled_at is null and placed_at + interval '48 hours' < now())),
              count(*) filter (where shipped_at is not null or (canceled_at is null and placed_at + interval '48 hours' < now())), count(*) over ()
         from sales_fact where is_vendor_order_head and deleted_at is null and currency_code='eur' and placed_at >= ${utc("2026-08-29")} and placed_at < ${next(to)}
        group by vendor_id order by 2 desc, 1 limit ${limit}`
    const cases = [
      {
        // Medusa's own per-request cost (auth, validation, serialization,
        // gzip) around a query that costs almost nothing: the floor under
        // every endpoint below.
        name: "floor: 1-day series",
        goal: null,
        path: `/admin/analytics/sales?currency_code=eur&interval=day&from=${to}&to=${to}`,
        auth: adminAuth,
        sql: `select date_trunc('day', bucket at time zone 'UTC') d, sum(gmv_minor) from sales_rollup_hourly_all where currency_code='eur' and bucket >= ${utc(to)} and bucket < ${next(to)} group by 1`,
        facts: factsDaily(null, to),
      },
      {
        name: "admin overview, 90 days",
        goal: 100,
        path: `/admin/analytics/overview?currency_code=eur&${ranges.d90}`,
        auth: adminAuth,
        sql: `select (select sum(gmv_minor) from sales_rollup_hourly_all where currency_code='eur' and bucket >= ${utc("2026-08-29")} and bucket < ${next(to)}) g,
                     ${gaps("", "customer", "2026-08-29", "2026-11-27")} b, ${gaps("", "company", "2026-08-29", "2026-11-27")} c,
                     (select sum(gmv_minor) from sales_rollup_hourly_all where currency_code='eur' and bucket >= ${utc("2026-05-31")} and bucket < ${utc("2026-08-29")}) pg,
                     ${gaps("", "customer", "2026-05-31", "2026-08-29")} pb, ${gaps("", "company", "2026-05-31", "2026-08-29")} pc`,
        facts: factsOverview(null, "2026-05-31", "2026-08-29", next(to)),
      },
      {
        name: "admin daily sales, 365 days",
        goal: 100,
        path: `/admin/analytics/sales?currency_code=eur&interval=day&${ranges.d365}`,
        auth: adminAuth,
        sql: `with days as (select generate_series('2025-11-28'::timestamp, '${to}'::timestamp, interval '1 day') d),
                   agg as (select date_trunc('day', bucket at time zone 'UTC') d, sum(gmv_minor) g, sum(commission_minor) c, sum(refunded_minor) r, sum(order_count) o, sum(vendor_order_count) v
                             from sales_rollup_hourly_all where currency_code='eur' and bucket >= ${utc("2025-11-28")} and bucket < ${next(to)} group by 1)
              select days.d, coalesce(g, 0), coalesce(c, 0), coalesce(r, 0), coalesce(o, 0), coalesce(v, 0) from days left join agg using (d) order by 1`,
        facts: factsDaily(null, "2025-11-28"),
      },
      {
        name: "admin daily sales, 365 days, CSV",
        goal: 100,
        path: `/admin/analytics/sales?currency_code=eur&interval=day&format=csv&${ranges.d365}`,
        auth: adminAuth,
      },
      {
        name: "admin top vendors, 90 days",
        goal: 100,
        path: `/admin/analytics/top?currency_code=eur&dimension=vendor&${ranges.d90}`,
        auth: adminAuth,
        sql: `select vendor_id, sum(gmv_minor) g, sum(vendor_order_count), sum(commission_minor), sum(quantity) from sales_rollup_vendor_blocks
               where currency_code='eur' and ${inBlocks("", blocks90)} group by vendor_id having sum(line_count) > 0 order by g desc, vendor_id limit 10`,
        facts: `select vendor_id, sum(total_minor - refunded_minor) g, count(*) filter (where is_vendor_order_head) from sales_fact where deleted_at is null and currency_code='eur'
               and placed_at >= ${utc("2026-08-29")} and placed_at < ${next(to)} group by vendor_id order by g desc limit 10`,
      },
      ...["product", "category", "company"].map((dim) => ({
        name: `admin top ${dim === "company" ? "companies" : dim === "category" ? "categories" : "products"}, 90 days`,
        goal: 100,
        path: `/admin/analytics/top?currency_code=eur&dimension=${dim}&${ranges.d90}`,
        auth: adminAuth,
        facts: factsTop(dim, null),
      })),
      {
        // Berlin days start at 22:00 or 23:00 UTC: 89 whole UTC days from the rollup, the two partial days from the facts.
        name: "admin top products, 90 days, Europe/Berlin",
        goal: 100,
        path: `/admin/analytics/top?currency_code=eur&dimension=product&tz=Europe/Berlin&${ranges.d90}`,
        auth: adminAuth,
      },
      {
        name: "admin top products, 90 days, CSV",
        goal: 100,
        path: `/admin/analytics/top?currency_code=eur&dimension=product&format=csv&${ranges.d90}`,
        auth: adminAuth,
      },
      {
        name: "admin vendor performance, 90 days",
        goal: 100,
        path: `/admin/analytics/vendors/performance?currency_code=eur&${ranges.d90}`,
        auth: adminAuth,
        sql: `with page as (select vendor_id, sum(n) n, sum(a), sum(d), sum(c), sum(dl), sum(r), count(*) over () total from (
                              select vendor_id, vendor_order_count n, accepted_count a, decided_count d, canceled_count c, delivered_count dl, returned_count r
                                from sales_rollup_vendor_orders_blocks where currency_code='eur' and ${inBlocks("", blocks90)}) b
                             group by vendor_id having sum(n) > 0 order by n desc, vendor_id limit 50)
              select page.*, (select lo + 0.5::float8 * (hi - lo) from (select
                       (extract(epoch from (select f.shipped_at - f.placed_at from sales_fact f where f.is_vendor_order_head and f.deleted_at is null and f.shipped_at is not null
                          and f.vendor_id = page.vendor_id and f.currency_code = 'eur' and lilium_ship_hours(f.placed_at, f.shipped_at) = m.lo_hours
                          and f.placed_at >= ${utc("2026-08-29")} and f.placed_at < ${next(to)} order by 1 offset m.lo_rank - 1 limit 1)) / 3600)::float8 lo,
                       (extract(epoch from (select f.shipped_at - f.placed_at from sales_fact f where f.is_vendor_order_head and f.deleted_at is null and f.shipped_at is not null
                          and f.vendor_id = page.vendor_id and f.currency_code = 'eur' and lilium_ship_hours(f.placed_at, f.shipped_at) = m.hi_hours
                          and f.placed_at >= ${utc("2026-08-29")} and f.placed_at < ${next(to)} order by 1 offset m.hi_rank - 1 limit 1)) / 3600)::float8 hi) d
                     where m.shipped is not null),
                     coalesce(m.late_shipped, 0) + o.overdue, coalesce(m.shipped, 0) + o.overdue
                from page
               cross join lateral (
                 select max(total) shipped, sum(n) filter (where hours > 48) late_shipped,
                        max(hours) filter (where (total - 1) / 2 + 1 > below and (total - 1) / 2 + 1 <= below + n) lo_hours,
                        max((total - 1) / 2 + 1 - below) filter (where (total - 1) / 2 + 1 > below and (total - 1) / 2 + 1 <= below + n) lo_rank,
                        max(hours) filter (where total / 2 + 1 > below and total / 2 + 1 <= below + n) hi_hours,
                        max(total / 2 + 1 - below) filter (where total / 2 + 1 > below and total / 2 + 1 <= below + n) hi_rank
                   from (select hours, n, sum(n) over (order by hours) - n below, sum(n) over () total
                           from (select hours, sum(n)::integer n from (select unnest(h.hours) hours, unnest(h.shipped) n
                                   from (values ${blocks90.map(([l, d]) => `(${l}::smallint, '${d}'::date)`).join(", ")}) b(level, start)
                                   join sales_rollup_ship_hours h on h.currency_code = 'eur' and h.vendor_id = page.vendor_id and h.level = b.level and h.start = b.start
                                  ) u group by 1 having sum(n) <> 0) y) c) m
               cross join lateral (select count(*) overdue from sales_fact f where f.is_vendor_order_head and f.deleted_at is null and f.shipped_at is null and f.canceled_at is null
                                     and f.vendor_id = page.vendor_id and f.currency_code = 'eur' and f.placed_at >= ${utc("2026-08-29")} and f.placed_at < ${next(to)}
                                     and f.placed_at + interval '48 hours' < now()) o
               order by page.n desc, page.vendor_id`,
        facts: factsPerformance(50),
      },
      {
        // The largest page: the 200 biggest vendors hold most of the vendor orders, whose ship times the median reads.
        name: "admin vendor performance, 90 days, limit 200",
        goal: 100,
        path: `/admin/analytics/vendors/performance?currency_code=eur&limit=200&${ranges.d90}`,
        auth: adminAuth,
        facts: factsPerformance(200),
      },
      {
        name: "admin vendor performance, 90 days, CSV",
        goal: 100,
        path: `/admin/analytics/vendors/performance?currency_code=eur&format=csv&${ranges.d90}`,
        auth: adminAuth,
      },
      {
        name: "vendor overview, 30 days (biggest vendor)",
        goal: 25,
        path: `/vendor/analytics/overview?currency_code=eur&${ranges.d30}`,
        auth: vendorAuth,
        sql: `select (select sum(gmv_minor) from sales_rollup_hourly where vendor_id='${v}' and currency_code='eur' and bucket >= ${utc("2026-10-28")} and bucket < ${next(to)}) g,
                     ${gaps(v, "customer", "2026-10-28", "2026-11-27")} b, ${gaps(v, "company", "2026-10-28", "2026-11-27")} c,
                     (select sum(gmv_minor) from sales_rollup_hourly where vendor_id='${v}' and currency_code='eur' and bucket >= ${utc("2026-09-28")} and bucket < ${utc("2026-10-28")}) pg,
                     ${gaps(v, "customer", "2026-09-28", "2026-10-28")} pb, ${gaps(v, "company", "2026-09-28", "2026-10-28")} pc`,
        facts: factsOverview(v, "2026-09-28", "2026-10-28", next(to)),
      },
      {
        name: "vendor daily sales, 365 days",
        goal: 100,
        path: `/vendor/analytics/sales?currency_code=eur&interval=day&${ranges.d365}`,
        auth: vendorAuth,
        sql: `with days as (select generate_series('2025-11-28'::timestamp, '${to}'::timestamp, interval '1 day') d),
                   agg as (select date_trunc('day', bucket at time zone 'UTC') d, sum(gmv_minor) g, sum(commission_minor) c, sum(refunded_minor) r, sum(vendor_order_count) o
                             from sales_rollup_hourly where vendor_id='${v}' and currency_code='eur' and bucket >= ${utc("2025-11-28")} and bucket < ${next(to)} group by 1)
              select days.d, coalesce(g, 0), coalesce(c, 0), coalesce(r, 0), coalesce(o, 0) from days left join agg using (d) order by 1`,
        facts: factsDaily(v, "2025-11-28"),
      },
      {
        name: "vendor daily sales, 365 days, CSV",
        goal: 100,
        path: `/vendor/analytics/sales?currency_code=eur&interval=day&format=csv&${ranges.d365}`,
        auth: vendorAuth,
      },
      ...["product", "category"].map((dim) => ({
        name: `vendor top ${dim === "category" ? "categories" : "products"}, 90 days`,
        goal: 100,
        path: `/vendor/analytics/top?currency_code=eur&dimension=${dim}&${ranges.d90}`,
        auth: vendorAuth,
        sql: itemTop(dim, v),
        facts: factsTop(dim, v),
      })),
      {
        name: "vendor top products, 90 days, CSV",
        goal: 100,
        path: `/vendor/analytics/top?currency_code=eur&dimension=product&format=csv&${ranges.d90}`,
        auth: vendorAuth,
      },
    ]
    const results = []
    const facts = await factCount(db.url)
    for (const c of cases) {
      const load = os.loadavg()[0]
      const http = await timeHttp(base, c.path, c.auth, requests)
      // Variants of an endpoint (CSV, another zone, a bigger page) run the same SQL as their JSON case: HTTP only.
      const sql = c.sql ? psqlTimes(db.url, c.sql, requests) : null
      // --no-facts: the straightforward SQL takes seconds per run at 3M+ lines; growth runs skip it.
      const facts = !c.facts ? sql : process.argv.includes("--no-facts") ? null : psqlTimes(db.url, c.facts, requests)
      const p = (xs, q) => (xs ? +pct(xs, q).toFixed(1) : null)
      const row = {
        endpoint: c.name,
        http_p50: p(http, 50),
        http_p95: p(http, 95),
        sql_p50: p(sql, 50),
        sql_p95: p(sql, 95),
        ratio_p95: sql ? +(pct(http, 95) / pct(sql, 95)).toFixed(2) : null,
        facts_sql_p95: p(facts, 95),
        ratio_vs_facts_p95: facts ? +(pct(http, 95) / pct(facts, 95)).toFixed(2) : null,
        goal_p95_ms: c.goal,
        meets_goal: c.goal === null ? null : pct(http, 95) <= c.goal,
        load_1m: +load.toFixed(2),
      }
      results.push(row)
      say(
        `${c.name}: HTTP p50 ${row.http_p50} ms, p95 ${row.http_p95} ms; same SQL p95 ${row.sql_p95 ?? "—"} ms; over the facts p95 ${row.facts_sql_p95 ?? "—"} ms (load ${row.load_1m})`
      )
    }
    const m = describeMachine()
    const machine = `${m.cpu_label}, ${m.memory_gib} GiB, Node ${m.node}`
    const loadavg = { before: m.load_before, after: m.load_after }
    fs.mkdirSync("bench/out", { recursive: true })
    const out = flag("out", `bench/out/${dbName}.json`)
    fs.writeFileSync(out, JSON.stringify({ machine, loadavg, facts, requests, results }, null, 2))
    console.table(results)
    say(
      `${facts} facts; ${requests} requests per endpoint; ${machine}; load average ${loadavg.before.map((x) => x.toFixed(2)).join(" ")} before, ${loadavg.after.map((x) => x.toFixed(2)).join(" ")} after`
    )
  }
} finally {
  server?.stop()
  await db.stop()
}
