import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Distinct buyers and buyer companies over any range without reading the
 * facts' head lines (issue 23, session 13). Exact, kept by statement-level
 * triggers in the same transaction as the facts.
 *
 * - sales_rollup_buyer_days: per scope (vendor_id, '' for the marketplace),
 *   currency, kind (customer, company), key and UTC day: the number of head
 *   lines (order heads for the marketplace, vendor-order heads for a vendor).
 *   A key is "present" on a day when that number is above 0.
 * - sales_rollup_buyer_gaps: per scope, currency, kind, day and prev_day:
 *   how many keys present on `day` were last present before it on
 *   `prev_day` ('-infinity': never). A key has exactly one present day in
 *   [A, B) whose previous present day is before A (its first in the range),
 *   so the distinct keys over the whole days [A, B) are
 *     sum(buyers) where A <= day < B and prev_day < A,
 *   a read of (days × distinct gaps) rows, whatever the number of orders.
 *   The partial days at a range's edges add the keys of their head lines
 *   not present in [A, B) (queries.ts).
 *
 * The trigger applies the net change of head lines per (scope, key, day);
 * where a key's presence flips, it recomputes the gaps of that key between
 * its last present day before the first flip and its first present day
 * after the last one (before: the table; after: the table with the flips),
 * and adds (after − before). It first takes a transaction-level advisory
 * lock per touched key (sorted), so two syncs of one buyer's orders at the
 * same time see each other's committed presence instead of both flipping
 * the same day.
 *
 * Monthly item rollups (sales_rollup_monthly_item, _item_all): the daily
 * item rows summed per UTC month, kept by statement-level triggers on the
 * daily tables (new − old rows). Distinct-order counts of disjoint days add
 * up (an order's lines share one placed_at), so a month's row is exact. A
 * top list reads whole months from here, the other whole days from the
 * daily rows and the partial days from the facts: rows grow with products ×
 * months, not products × days.
 */

const DAY = `(placed_at at time zone 'UTC')::date`

/** The presence changes of `delta` (sales_fact's columns plus s: +1 new, −1 old). */
function keysSql(delta: string) {
  return `h as (select * from (${delta}) x where deleted_at is null and (is_order_head or is_vendor_order_head)),
        keyed as (
          select '' as vendor_id, currency_code, 'customer' as kind, customer_id as key, ${DAY} as day, s from h where is_order_head and customer_id is not null
          union all select '', currency_code, 'company', company_id, ${DAY}, s from h where is_order_head and company_id is not null
          union all select vendor_id, currency_code, 'customer', customer_id, ${DAY}, s from h where is_vendor_order_head and customer_id is not null
          union all select vendor_id, currency_code, 'company', company_id, ${DAY}, s from h where is_vendor_order_head and company_id is not null),
        delta as (select vendor_id, currency_code, kind, key, day, sum(s)::bigint as n from keyed group by 1, 2, 3, 4, 5 having sum(s) <> 0)`
}

function applySql(delta: string) {
  const same = (a: string, b: string) =>
    `${a}.vendor_id = ${b}.vendor_id and ${a}.currency_code = ${b}.currency_code and ${a}.kind = ${b}.kind and ${a}.key = ${b}.key`
  return `
        perform pg_advisory_xact_lock(hashtextextended('lilium_sales_buyer:' || k.vendor_id || ':' || k.kind || ':' || k.key, 0))
           from (with ${keysSql(delta)} select distinct vendor_id, kind, key from delta order by 1, 2, 3) k;

        -- Gaps: after − before, for the keys whose presence flips, between their bounds.
        insert into sales_rollup_buyer_gaps as g (vendor_id, currency_code, kind, day, prev_day, buyers)
        with ${keysSql(delta)},
        flips as (
          select d.vendor_id, d.currency_code, d.kind, d.key, d.day, coalesce(p.heads, 0) = 0 as added
            from delta d left join sales_rollup_buyer_days p
              on ${same("p", "d")} and p.day = d.day
           where (coalesce(p.heads, 0) > 0) <> (coalesce(p.heads, 0) + d.n > 0)),
        win as (select vendor_id, currency_code, kind, key, min(day) as lo, max(day) as hi from flips group by 1, 2, 3, 4),
        bounds as (
          select w.*,
                 (select max(p.day) from sales_rollup_buyer_days p where ${same("p", "w")} and p.day < w.lo and p.heads > 0) as prev,
                 (select min(p.day) from sales_rollup_buyer_days p where ${same("p", "w")} and p.day > w.hi and p.heads > 0) as next
            from win w),
        before as (
          select b.vendor_id, b.currency_code, b.kind, b.key, p.day from bounds b
            join sales_rollup_buyer_days p on ${same("p", "b")} and p.day >= b.lo and p.day <= b.hi and p.heads > 0
          union all select vendor_id, currency_code, kind, key, next from bounds where next is not null),
        after as (
          select * from before x
           where not exists (select 1 from flips f where ${same("f", "x")} and f.day = x.day and not f.added)
          union all select vendor_id, currency_code, kind, key, day from flips where added),
        seq as (select x.*, 1 as s from after x union all select x.*, -1 from before x),
        pairs as (
          select q.vendor_id, q.currency_code, q.kind, q.day, q.s,
                 lag(q.day, 1, coalesce(b.prev, '-infinity'::date)) over (partition by q.s, q.vendor_id, q.currency_code, q.kind, q.key order by q.day) as prev_day
            from seq q join bounds b on ${same("b", "q")})
        select vendor_id, currency_code, kind, day, prev_day, sum(s) from pairs
         group by 1, 2, 3, 4, 5 having sum(s) <> 0 order by 1, 2, 3, 4, 5
        on conflict (vendor_id, currency_code, kind, day, prev_day) do update set buyers = g.buyers + excluded.buyers;

        insert into sales_rollup_buyer_days as p (vendor_id, currency_code, kind, key, day, heads)
        with ${keysSql(delta)}
        select * from delta order by 1, 2, 3, 4, 5
        on conflict (vendor_id, currency_code, kind, key, day) do update set heads = p.heads + excluded.heads;`
}

const ITEM_COLUMNS = "gmv_minor, commission_minor, quantity, order_count"

/** Adds a daily item table's changed rows (new − old) to its monthly table. */
function monthlyApplySql(daily: "item" | "item_all", delta: string) {
  const keys = daily === "item" ? "vendor_id, currency_code, dimension" : "currency_code, dimension"
  return `insert into sales_rollup_monthly_${daily} as m (${keys}, month, key, ${ITEM_COLUMNS})
        select ${keys}, date_trunc('month', day)::date, key, sum(s * gmv_minor), sum(s * commission_minor), sum(s * quantity), sum(s * order_count)
          from (${delta}) x
         group by 1, 2, 3, 4${daily === "item" ? ", 5" : ""}
        having sum(s * gmv_minor) <> 0 or sum(s * commission_minor) <> 0 or sum(s * quantity) <> 0 or sum(s * order_count) <> 0
         order by 1, 2, 3, 4${daily === "item" ? ", 5" : ""}
        on conflict (${keys}, month, key) do update set
          gmv_minor = m.gmv_minor + excluded.gmv_minor, commission_minor = m.commission_minor + excluded.commission_minor,
          quantity = m.quantity + excluded.quantity, order_count = m.order_count + excluded.order_count;`
}

const REBUILD_SQL = `
        truncate sales_rollup_buyer_days, sales_rollup_buyer_gaps;
        insert into sales_rollup_buyer_days (vendor_id, currency_code, kind, key, day, heads)
        with h as (select * from sales_fact where deleted_at is null and (is_order_head or is_vendor_order_head)),
        keyed as (
          select '' as vendor_id, currency_code, 'customer' as kind, customer_id as key, ${DAY} as day from h where is_order_head and customer_id is not null
          union all select '', currency_code, 'company', company_id, ${DAY} from h where is_order_head and company_id is not null
          union all select vendor_id, currency_code, 'customer', customer_id, ${DAY} from h where is_vendor_order_head and customer_id is not null
          union all select vendor_id, currency_code, 'company', company_id, ${DAY} from h where is_vendor_order_head and company_id is not null)
        select vendor_id, currency_code, kind, key, day, count(*) from keyed group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5;
        insert into sales_rollup_buyer_gaps (vendor_id, currency_code, kind, day, prev_day, buyers)
        select vendor_id, currency_code, kind, day, prev_day, count(*) from (
          select vendor_id, currency_code, kind, day,
                 lag(day, 1, '-infinity'::date) over (partition by vendor_id, currency_code, kind, key order by day) as prev_day
            from sales_rollup_buyer_days) x
         group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5;`

export class Migration20261203090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "sales_rollup_buyer_days" (
      "vendor_id" text not null, "currency_code" text not null, "kind" text not null check ("kind" in ('customer', 'company')),
      "key" text not null, "day" date not null, "heads" bigint not null default 0,
      constraint "sales_rollup_buyer_days_pkey" primary key ("vendor_id", "currency_code", "kind", "key", "day"));`)
    // The read sums the gaps of a range of days whose previous day is before it: index-only.
    this.addSql(`create table if not exists "sales_rollup_buyer_gaps" (
      "vendor_id" text not null, "currency_code" text not null, "kind" text not null check ("kind" in ('customer', 'company')),
      "day" date not null, "prev_day" date not null, "buyers" bigint not null default 0,
      constraint "sales_rollup_buyer_gaps_pkey" primary key ("vendor_id", "currency_code", "kind", "day", "prev_day") include ("buyers"));`)

    const fn = (name: string, delta: string) =>
      `create or replace function ${name}() returns trigger language plpgsql as $$
      begin
        ${applySql(delta)}
        return null;
      end $$;`
    this.addSql(fn("lilium_sales_fact_buyers_insert", "select n.*, 1 as s from new_rows n"))
    this.addSql(fn("lilium_sales_fact_buyers_update", "select n.*, 1 as s from new_rows n union all select o.*, -1 from old_rows o"))
    this.addSql(fn("lilium_sales_fact_buyers_delete", "select o.*, -1 as s from old_rows o"))
    for (const [op, ref] of [
      ["insert", "new table as new_rows"],
      ["update", "old table as old_rows new table as new_rows"],
      ["delete", "old table as old_rows"],
    ]) {
      this.addSql(`drop trigger if exists sales_fact_buyers_${op} on "sales_fact";`)
      this.addSql(
        `create trigger sales_fact_buyers_${op} after ${op} on "sales_fact" referencing ${ref} for each statement execute function lilium_sales_fact_buyers_${op}();`
      )
    }

    this.addSql(`create table if not exists "sales_rollup_monthly_item" (
      "vendor_id" text not null, "currency_code" text not null, "dimension" text not null check ("dimension" in ('product', 'category')),
      "month" date not null, "key" text not null,
      "gmv_minor" bigint not null default 0, "commission_minor" bigint not null default 0, "quantity" bigint not null default 0,
      "order_count" bigint not null default 0,
      constraint "sales_rollup_monthly_item_pkey" primary key ("vendor_id", "currency_code", "dimension", "month", "key"));`)
    // The operator's top products over every vendor, index-only (as the daily table's).
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_sales_rollup_monthly_item_time" ON "sales_rollup_monthly_item" ("currency_code", "dimension", "month") INCLUDE ("key", "gmv_minor", "order_count", "commission_minor", "quantity");`
    )
    this.addSql(`create table if not exists "sales_rollup_monthly_item_all" (
      "currency_code" text not null, "dimension" text not null check ("dimension" in ('category', 'company')),
      "month" date not null, "key" text not null,
      "gmv_minor" bigint not null default 0, "commission_minor" bigint not null default 0, "quantity" bigint not null default 0,
      "order_count" bigint not null default 0,
      constraint "sales_rollup_monthly_item_all_pkey" primary key ("currency_code", "dimension", "month", "key"));`)
    // The operator's top lists (queries.ts): each day's (month's) biggest rows, and the rows of a few ids.
    for (const [table, unit] of [
      ["sales_rollup_daily_item", "day"],
      ["sales_rollup_daily_item_all", "day"],
      ["sales_rollup_monthly_item", "month"],
      ["sales_rollup_monthly_item_all", "month"],
    ]) {
      this.addSql(
        `CREATE INDEX IF NOT EXISTS "IDX_${table}_top" ON "${table}" ("currency_code", "dimension", "${unit}", "gmv_minor" DESC) INCLUDE ("key") WHERE order_count > 0;`
      )
      this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_${table}_key" ON "${table}" ("currency_code", "dimension", "key", "${unit}");`)
    }
    for (const daily of ["item", "item_all"] as const) {
      for (const [op, ref, delta] of [
        ["insert", "new table as new_rows", "select n.*, 1 as s from new_rows n"],
        [
          "update",
          "old table as old_rows new table as new_rows",
          "select n.*, 1 as s from new_rows n union all select o.*, -1 from old_rows o",
        ],
        ["delete", "old table as old_rows", "select o.*, -1 as s from old_rows o"],
      ]) {
        this.addSql(`create or replace function lilium_sales_monthly_${daily}_${op}() returns trigger language plpgsql as $$
      begin
        ${monthlyApplySql(daily, delta)}
        return null;
      end $$;`)
        this.addSql(`drop trigger if exists sales_rollup_monthly_${op} on "sales_rollup_daily_${daily}";`)
        this.addSql(
          `create trigger sales_rollup_monthly_${op} after ${op} on "sales_rollup_daily_${daily}" referencing ${ref} for each statement execute function lilium_sales_monthly_${daily}_${op}();`
        )
      }
    }

    // Rebuilds sort and hash millions of rows: memory for this transaction only (4 MB by default spills to disk);
    // rows go in in key order, so the primary keys are filled from left to right.
    this.addSql(`create or replace function lilium_rebuild_sales_buyer_rollups() returns void language plpgsql as $$
      begin
        perform set_config('work_mem', '256MB', true);
        ${REBUILD_SQL}
      end $$;`)
    // The entry point rebuilds every rollup: hourly, daily (Migration20261203030000) and buyers.
    this.addSql(`create or replace function lilium_rebuild_sales_rollups() returns void language plpgsql as $$
      begin
        perform set_config('work_mem', '256MB', true);
        ${REBUILD_HOURLY_SQL}
        -- The daily rebuild's inserts fill the monthly tables through their triggers.
        truncate sales_rollup_monthly_item, sales_rollup_monthly_item_all;
        perform lilium_rebuild_sales_daily_rollups();
        perform lilium_rebuild_sales_buyer_rollups();
      end $$;`)
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function lilium_rebuild_sales_rollups() returns void language plpgsql as $$
      begin
        ${REBUILD_HOURLY_SQL}
        perform lilium_rebuild_sales_daily_rollups();
      end $$;`)
    for (const op of ["insert", "update", "delete"]) {
      this.addSql(`drop trigger if exists sales_fact_buyers_${op} on "sales_fact";`)
      this.addSql(`drop function if exists lilium_sales_fact_buyers_${op}();`)
    }
    this.addSql(`drop function if exists lilium_rebuild_sales_buyer_rollups();`)
    for (const daily of ["item", "item_all"]) {
      for (const op of ["insert", "update", "delete"]) {
        this.addSql(`drop trigger if exists sales_rollup_monthly_${op} on "sales_rollup_daily_${daily}";`)
        this.addSql(`drop function if exists lilium_sales_monthly_${daily}_${op}();`)
      }
    }
    for (const table of ["sales_rollup_daily_item", "sales_rollup_daily_item_all"]) {
      this.addSql(`drop index if exists "IDX_${table}_top";`)
      this.addSql(`drop index if exists "IDX_${table}_key";`)
    }
    this.addSql(`drop table if exists "sales_rollup_monthly_item" cascade;`)
    this.addSql(`drop table if exists "sales_rollup_monthly_item_all" cascade;`)
    this.addSql(`drop table if exists "sales_rollup_buyer_days" cascade;`)
    this.addSql(`drop table if exists "sales_rollup_buyer_gaps" cascade;`)
  }
}

/** The hourly rebuild of Migration20261127175357, unchanged. */
const REBUILD_HOURLY_SQL = `
        truncate sales_rollup_hourly, sales_rollup_hourly_all;
        insert into sales_rollup_hourly (bucket, currency_code, vendor_id, gmv_minor, refunded_minor, commission_minor, quantity, vendor_order_count, canceled_vendor_order_count)
        select date_trunc('hour', placed_at, 'UTC'), currency_code, vendor_id, sum(total_minor - refunded_minor), sum(refunded_minor), sum(commission_minor),
               sum(quantity - returned_quantity), count(*) filter (where is_vendor_order_head), count(*) filter (where is_vendor_order_head and canceled_at is not null)
          from sales_fact where deleted_at is null group by 1, 2, 3;
        insert into sales_rollup_hourly_all (bucket, currency_code, gmv_minor, refunded_minor, commission_minor, order_count, vendor_order_count, canceled_vendor_order_count)
        select date_trunc('hour', placed_at, 'UTC'), currency_code, sum(total_minor - refunded_minor), sum(refunded_minor), sum(commission_minor),
               count(*) filter (where is_order_head), count(*) filter (where is_vendor_order_head), count(*) filter (where is_vendor_order_head and canceled_at is not null)
          from sales_fact where deleted_at is null group by 1, 2;`
