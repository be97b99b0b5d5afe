import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Vendor performance without reading every head line of the page's vendors
 * (issue 23, session 14). Exact, kept by statement-level triggers in the
 * same transaction as the facts.
 *
 * Blocks: a UTC day's number since 1970-01-01 is `n`; the block of level L
 * (0 ≤ L ≤ 9) holding it covers the 2^L days from n − (n mod 2^L). Any span
 * of whole UTC days is the disjoint union of at most 2·log2(its length)
 * such blocks (queries.ts, dayBlocks): 5 for 90 days, at most 20 for the
 * longest range the API takes. A read sums those blocks' rows, so it reads
 * (blocks × keys) rows whatever the number of orders.
 *
 * - sales_rollup_vendor_orders_blocks: the vendor-order counts of
 *   sales_rollup_daily_vendor_orders (which is level 0) per block of levels
 *   1–9, kept by statement-level triggers on the daily table (new − old
 *   rows), as the monthly item tables are kept from the daily ones.
 * - sales_rollup_ship_hours: per currency, vendor, block (levels 0–9) and
 *   whole hours to ship h = ceil((shipped_at − placed_at) / 1 hour), the
 *   number of shipped vendor orders (head lines). For an SLA of S whole
 *   hours, "shipped later than S hours after placing" is exactly h > S.
 *   The median: per vendor, the ranks of the two middle delays fall into
 *   known hours; the delays themselves are read from the facts of that one
 *   hour (IDX_sales_fact_ship_hours), a 1/90th of the vendor's shipped
 *   orders here instead of all of them.
 * - IDX_sales_fact_open_heads: the vendor orders neither shipped nor
 *   cancelled (late once past the SLA): few at any time.
 * - sales_rollup_vendor_blocks: per currency, block (levels 0–9) and vendor,
 *   GMV, commission, quantity, vendor orders and live lines: the operator's
 *   top vendors read (blocks × vendors) rows instead of vendor-hours.
 */

const DAY = `(placed_at at time zone 'UTC')::date`
const LEVELS = 9

const COUNTS = ["vendor_order_count", "accepted_count", "decided_count", "canceled_count", "delivered_count", "returned_count"]

/** The daily vendor-order rows of `delta` (columns plus s: +1 new, −1 old) added to their blocks of levels 1–9. */
function blocksApplySql(delta: string) {
  return `insert into sales_rollup_vendor_orders_blocks as b (currency_code, level, start, vendor_id, ${COUNTS.join(", ")})
        select currency_code, l, lilium_block_start(day, l), vendor_id, ${COUNTS.map((c) => `sum(s * ${c})`).join(", ")}
          from (${delta}) x cross join generate_series(1, ${LEVELS}) l
         group by 1, 2, 3, 4
        having ${COUNTS.map((c) => `sum(s * ${c}) <> 0`).join(" or ")}
         order by 1, 2, 3, 4
        on conflict (currency_code, level, start, vendor_id) do update set
          ${COUNTS.map((c) => `${c} = b.${c} + excluded.${c}`).join(", ")};`
}

/** The shipped head lines of `delta` (sales_fact's columns plus s) added to their hours in every level's block. */
function shipApplySql(delta: string) {
  return `insert into sales_rollup_ship_hours as r (currency_code, vendor_id, level, start, hours, shipped)
        select currency_code, vendor_id, l, lilium_block_start(day, l), hours, sum(s)
          from (select currency_code, vendor_id, ${DAY} as day, lilium_ship_hours(placed_at, shipped_at) as hours, s
                  from (${delta}) x where deleted_at is null and is_vendor_order_head and shipped_at is not null) h
         cross join generate_series(0, ${LEVELS}) l
         group by 1, 2, 3, 4, 5
        having sum(s) <> 0
         order by 1, 2, 3, 4, 5
        on conflict (currency_code, vendor_id, level, start, hours) do update set shipped = r.shipped + excluded.shipped;`
}

const VENDOR_SUMS = ["gmv_minor", "commission_minor", "quantity", "vendor_order_count", "line_count"]
/** The same sums over a fact, times s. */
const vendorSums = (s: string) => [
  `${s} * (total_minor - refunded_minor)`,
  `${s} * commission_minor`,
  `${s} * (quantity - returned_quantity)`,
  `${s} * is_vendor_order_head::int`,
  s,
]

/** The lines of `delta` (sales_fact's columns plus s) added to their vendor's block of every level. */
function vendorApplySql(delta: string) {
  const sums = vendorSums("s").map((e) => `sum(${e})`)
  return `insert into sales_rollup_vendor_blocks as r (currency_code, level, start, vendor_id, ${VENDOR_SUMS.join(", ")})
        select currency_code, l, lilium_block_start(day, l), vendor_id, ${sums.map((e, i) => `sum(${VENDOR_SUMS[i]})`).join(", ")}
          from (select currency_code, vendor_id, ${DAY} as day, ${sums.map((e, i) => `${e} as ${VENDOR_SUMS[i]}`).join(", ")}
                  from (${delta}) x where deleted_at is null group by 1, 2, 3) d
         cross join generate_series(0, ${LEVELS}) l
         group by 1, 2, 3, 4
        having ${VENDOR_SUMS.map((c) => `sum(${c}) <> 0`).join(" or ")}
         order by 1, 2, 3, 4
        on conflict (currency_code, level, start, vendor_id) do update set
          ${VENDOR_SUMS.map((c) => `${c} = r.${c} + excluded.${c}`).join(", ")};`
}

const REBUILD_VENDOR_SQL = `
        truncate sales_rollup_vendor_blocks;
        insert into sales_rollup_vendor_blocks (currency_code, level, start, vendor_id, ${VENDOR_SUMS.join(", ")})
        select currency_code, l, lilium_block_start(day, l), vendor_id, ${VENDOR_SUMS.map((c) => `sum(${c})`).join(", ")}
          from (select currency_code, vendor_id, ${DAY} as day, ${vendorSums("1")
            .map((e, i) => `sum(${e}) as ${VENDOR_SUMS[i]}`)
            .join(", ")}
                  from sales_fact where deleted_at is null group by 1, 2, 3) d
         cross join generate_series(0, ${LEVELS}) l
         group by 1, 2, 3, 4 order by 1, 2, 3, 4;`

const REBUILD_SHIP_SQL = `
        truncate sales_rollup_ship_hours;
        insert into sales_rollup_ship_hours (currency_code, vendor_id, level, start, hours, shipped)
        select currency_code, vendor_id, l, lilium_block_start(day, l), hours, sum(n)
          from (select currency_code, vendor_id, ${DAY} as day, lilium_ship_hours(placed_at, shipped_at) as hours, count(*) as n
                  from sales_fact where deleted_at is null and is_vendor_order_head and shipped_at is not null group by 1, 2, 3, 4) d
         cross join generate_series(0, ${LEVELS}) l
         group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5;`

const DELTAS: [string, string, string][] = [
  ["insert", "new table as new_rows", "select n.*, 1 as s from new_rows n"],
  ["update", "old table as old_rows new table as new_rows", "select n.*, 1 as s from new_rows n union all select o.*, -1 from old_rows o"],
  ["delete", "old table as old_rows", "select o.*, -1 as s from old_rows o"],
]

export class Migration20261203150000 extends Migration {
  override async up(): Promise<void> {
    // Whole hours from placing to shipping, rounded up: h > S exactly when shipped more than S hours after placing
    // (S a whole number ≥ 0). Exact: the epoch of an interval is numeric with microseconds, and div truncates.
    this.addSql(`create or replace function lilium_ship_hours(placed timestamptz, shipped timestamptz) returns integer
      language sql immutable strict parallel safe as $$ select div(extract(epoch from shipped - placed) + 3599.999999, 3600)::integer $$;`)
    // The first day of the block of `level` (2^level days, aligned on 1970-01-01) that holds `day`.
    this.addSql(`create or replace function lilium_block_start(day date, level integer) returns date
      language sql immutable strict parallel safe as $$
        select day - ((((day - date '1970-01-01') % (1 << level)) + (1 << level)) % (1 << level)) $$;`)

    this.addSql(`create table if not exists "sales_rollup_vendor_orders_blocks" (
      "currency_code" text not null, "level" smallint not null, "start" date not null, "vendor_id" text not null,
      ${COUNTS.map((c) => `"${c}" bigint not null default 0`).join(", ")},
      constraint "sales_rollup_vendor_orders_blocks_pkey" primary key ("currency_code", "level", "start", "vendor_id"));`)
    this.addSql(`create table if not exists "sales_rollup_ship_hours" (
      "currency_code" text not null, "vendor_id" text not null, "level" smallint not null, "start" date not null,
      "hours" integer not null, "shipped" bigint not null default 0,
      constraint "sales_rollup_ship_hours_pkey" primary key ("currency_code", "vendor_id", "level", "start", "hours") include ("shipped"));`)
    this.addSql(`create table if not exists "sales_rollup_vendor_blocks" (
      "currency_code" text not null, "level" smallint not null, "start" date not null, "vendor_id" text not null,
      ${VENDOR_SUMS.map((c) => `"${c}" bigint not null default 0`).join(", ")},
      constraint "sales_rollup_vendor_blocks_pkey" primary key ("currency_code", "level", "start", "vendor_id")
        include (${VENDOR_SUMS.map((c) => `"${c}"`).join(", ")}));`)

    // The median's two delays: the shipped head lines of one vendor and one whole hour, by placing time.
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_sales_fact_ship_hours" ON "sales_fact" ("vendor_id", "currency_code", lilium_ship_hours(placed_at, shipped_at), "placed_at") INCLUDE ("shipped_at") WHERE is_vendor_order_head AND deleted_at IS NULL AND shipped_at IS NOT NULL;`
    )
    // Late and due counts: the vendor orders still open.
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_sales_fact_open_heads" ON "sales_fact" ("vendor_id", "currency_code", "placed_at") WHERE is_vendor_order_head AND deleted_at IS NULL AND shipped_at IS NULL AND canceled_at IS NULL;`
    )

    for (const [op, ref, delta] of DELTAS) {
      this.addSql(`create or replace function lilium_sales_vendor_orders_blocks_${op}() returns trigger language plpgsql as $$
      begin
        ${blocksApplySql(delta)}
        return null;
      end $$;`)
      this.addSql(`drop trigger if exists sales_rollup_blocks_${op} on "sales_rollup_daily_vendor_orders";`)
      this.addSql(
        `create trigger sales_rollup_blocks_${op} after ${op} on "sales_rollup_daily_vendor_orders" referencing ${ref} for each statement execute function lilium_sales_vendor_orders_blocks_${op}();`
      )

      this.addSql(`create or replace function lilium_sales_fact_ship_${op}() returns trigger language plpgsql as $$
      begin
        ${shipApplySql(delta)}
        return null;
      end $$;`)
      this.addSql(`drop trigger if exists sales_fact_ship_${op} on "sales_fact";`)
      this.addSql(
        `create trigger sales_fact_ship_${op} after ${op} on "sales_fact" referencing ${ref} for each statement execute function lilium_sales_fact_ship_${op}();`
      )

      this.addSql(`create or replace function lilium_sales_fact_vendor_blocks_${op}() returns trigger language plpgsql as $$
      begin
        ${vendorApplySql(delta)}
        return null;
      end $$;`)
      this.addSql(`drop trigger if exists sales_fact_vendor_blocks_${op} on "sales_fact";`)
      this.addSql(
        `create trigger sales_fact_vendor_blocks_${op} after ${op} on "sales_fact" referencing ${ref} for each statement execute function lilium_sales_fact_vendor_blocks_${op}();`
      )
    }

    this.addSql(`create or replace function lilium_rebuild_sales_block_rollups() returns void language plpgsql as $$
      begin
        perform set_config('work_mem', '256MB', true);
        ${REBUILD_SHIP_SQL}
        ${REBUILD_VENDOR_SQL}
      end $$;`)
    // The entry point rebuilds every rollup: hourly, daily (which fills the monthly and vendor-order block tables
    // through their triggers), buyers, ship hours and vendor blocks.
    this.addSql(`create or replace function lilium_rebuild_sales_rollups() returns void language plpgsql as $$
      begin
        perform set_config('work_mem', '256MB', true);
        ${REBUILD_HOURLY_SQL}
        truncate sales_rollup_monthly_item, sales_rollup_monthly_item_all, sales_rollup_vendor_orders_blocks;
        perform lilium_rebuild_sales_daily_rollups();
        perform lilium_rebuild_sales_buyer_rollups();
        perform lilium_rebuild_sales_block_rollups();
      end $$;`)
    // Existing data: fill the new tables from what is there.
    this.addSql(`insert into sales_rollup_vendor_orders_blocks (currency_code, level, start, vendor_id, ${COUNTS.join(", ")})
        select currency_code, l, lilium_block_start(day, l), vendor_id, ${COUNTS.map((c) => `sum(${c})`).join(", ")}
          from sales_rollup_daily_vendor_orders cross join generate_series(1, ${LEVELS}) l
         group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict do nothing;`)
    this.addSql(`select lilium_rebuild_sales_block_rollups();`)
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function lilium_rebuild_sales_rollups() returns void language plpgsql as $$
      begin
        perform set_config('work_mem', '256MB', true);
        ${REBUILD_HOURLY_SQL}
        truncate sales_rollup_monthly_item, sales_rollup_monthly_item_all;
        perform lilium_rebuild_sales_daily_rollups();
        perform lilium_rebuild_sales_buyer_rollups();
      end $$;`)
    for (const [op] of DELTAS) {
      this.addSql(`drop trigger if exists sales_rollup_blocks_${op} on "sales_rollup_daily_vendor_orders";`)
      this.addSql(`drop function if exists lilium_sales_vendor_orders_blocks_${op}();`)
      this.addSql(`drop trigger if exists sales_fact_ship_${op} on "sales_fact";`)
      this.addSql(`drop function if exists lilium_sales_fact_ship_${op}();`)
      this.addSql(`drop trigger if exists sales_fact_vendor_blocks_${op} on "sales_fact";`)
      this.addSql(`drop function if exists lilium_sales_fact_vendor_blocks_${op}();`)
    }
    this.addSql(`drop function if exists lilium_rebuild_sales_block_rollups();`)
    this.addSql(`drop index if exists "IDX_sales_fact_ship_hours";`)
    this.addSql(`drop index if exists "IDX_sales_fact_open_heads";`)
    this.addSql(`drop table if exists "sales_rollup_vendor_orders_blocks" cascade;`)
    this.addSql(`drop table if exists "sales_rollup_ship_hours" cascade;`)
    this.addSql(`drop table if exists "sales_rollup_vendor_blocks" cascade;`)
    this.addSql(`drop function if exists lilium_ship_hours(timestamptz, timestamptz);`)
    this.addSql(`drop function if exists lilium_block_start(date, integer);`)
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
