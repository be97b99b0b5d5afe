import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Daily rollups for the reads the hourly ones cannot serve (issue 23): top
 * products, categories and companies, and the counts of vendor
 * performance. Days are UTC dates; a read takes the whole UTC days inside
 * its range from here and the partial days at its edges from the facts
 * (queries.ts), so results are exact for any range and time zone.
 *
 * - sales_rollup_daily_item: per vendor, per product and per category:
 *   GMV, commission, quantity and the number of distinct vendor orders
 *   (= distinct orders within one vendor: an order has one vendor order per
 *   vendor). The operator's top products add the vendors up (a product is
 *   sold by one vendor, so no order is counted twice).
 * - sales_rollup_daily_item_all: the marketplace, per category and per
 *   buying company, with the number of distinct orders (an order's vendor
 *   orders can share a category, and always share the company).
 * - sales_rollup_daily_vendor_orders: per vendor, the vendor-order counts
 *   of the performance report (placed, accepted, decided, cancelled,
 *   delivered, returned). The median hours to ship and the late shipments
 *   depend on the request (a median; the SLA and now) and are read from the
 *   facts for the vendors of the requested page only.
 *
 * Kept by statement-level AFTER triggers with transition tables, in the same
 * transaction as the facts (one aggregate per statement, not per row).
 * Sums are the new rows minus the old. Distinct counts are recomputed for
 * the vendor orders (orders) the statement touched: (groups after) −
 * (groups before), where before = their current lines without the
 * statement's new rows, plus its old rows. The marketplace table first takes
 * a transaction-level advisory lock per touched order (in id order), so two
 * vendor orders of one order synced at the same time read each other's
 * committed lines instead of both counting the order.
 *
 * `lilium_rebuild_sales_rollups()` now rebuilds these too.
 */

const DAY = `(placed_at at time zone 'UTC')::date`

/** The statements of the trigger, over `delta`: sales_fact's columns plus s (+1 new, −1 old). */
function applySql(delta: string) {
  const d = `d as (select * from (${delta}) x where deleted_at is null)`
  const cols = "vendor_order_id, order_id, vendor_id, currency_code, placed_at, product_id, category_id, company_id"
  return `
        -- Per vendor: products and categories; distinct vendor orders.
        insert into sales_rollup_daily_item as r (vendor_id, currency_code, dimension, day, key, gmv_minor, commission_minor, quantity, order_count)
        with ${d},
        items as (select * from d where line_type = 'item'),
        cur as (select id, ${cols} from sales_fact f
                 where f.vendor_order_id in (select vendor_order_id from items) and f.deleted_at is null and f.line_type = 'item'),
        before as (select ${cols} from cur where id not in (select id from items where s = 1)
                   union all select ${cols} from items where s = -1),
        groups as (
          select 1 as s, vendor_id, currency_code, 'product' as dimension, ${DAY} as day, product_id as key, vendor_order_id from cur where product_id is not null
          union select 1, vendor_id, currency_code, 'category', ${DAY}, category_id, vendor_order_id from cur where category_id is not null
          union select -1, vendor_id, currency_code, 'product', ${DAY}, product_id, vendor_order_id from before where product_id is not null
          union select -1, vendor_id, currency_code, 'category', ${DAY}, category_id, vendor_order_id from before where category_id is not null),
        parts as (
          select vendor_id, currency_code, dimension, day, key, 0 as gmv, 0 as commission, 0 as quantity, s as orders from groups
          union all
          select vendor_id, currency_code, 'product', ${DAY}, product_id, s * (total_minor - refunded_minor), s * commission_minor, s * (quantity - returned_quantity), 0
            from items where product_id is not null
          union all
          select vendor_id, currency_code, 'category', ${DAY}, category_id, s * (total_minor - refunded_minor), s * commission_minor, s * (quantity - returned_quantity), 0
            from items where category_id is not null)
        select vendor_id, currency_code, dimension, day, key, sum(gmv), sum(commission), sum(quantity), sum(orders) from parts
         group by 1, 2, 3, 4, 5
        having sum(gmv) <> 0 or sum(commission) <> 0 or sum(quantity) <> 0 or sum(orders) <> 0
         order by 1, 2, 3, 4, 5
        on conflict (vendor_id, currency_code, dimension, day, key) do update set
          gmv_minor = r.gmv_minor + excluded.gmv_minor, commission_minor = r.commission_minor + excluded.commission_minor,
          quantity = r.quantity + excluded.quantity, order_count = r.order_count + excluded.order_count;

        -- The marketplace: categories and companies; distinct orders (after the orders' locks).
        perform pg_advisory_xact_lock(hashtextextended('lilium_sales_fact_order:' || o.order_id, 0))
           from (select distinct order_id from (${delta}) x where deleted_at is null and line_type = 'item' order by 1) o;
        insert into sales_rollup_daily_item_all as r (currency_code, dimension, day, key, gmv_minor, commission_minor, quantity, order_count)
        with ${d},
        items as (select * from d where line_type = 'item'),
        cur as (select id, ${cols} from sales_fact f
                 where f.order_id in (select order_id from items) and f.deleted_at is null and f.line_type = 'item'),
        before as (select ${cols} from cur where id not in (select id from items where s = 1)
                   union all select ${cols} from items where s = -1),
        groups as (
          select 1 as s, currency_code, 'category' as dimension, ${DAY} as day, category_id as key, order_id from cur where category_id is not null
          union select 1, currency_code, 'company', ${DAY}, company_id, order_id from cur where company_id is not null
          union select -1, currency_code, 'category', ${DAY}, category_id, order_id from before where category_id is not null
          union select -1, currency_code, 'company', ${DAY}, company_id, order_id from before where company_id is not null),
        parts as (
          select currency_code, dimension, day, key, 0 as gmv, 0 as commission, 0 as quantity, s as orders from groups
          union all
          select currency_code, 'category', ${DAY}, category_id, s * (total_minor - refunded_minor), s * commission_minor, s * (quantity - returned_quantity), 0
            from items where category_id is not null
          union all
          select currency_code, 'company', ${DAY}, company_id, s * (total_minor - refunded_minor), s * commission_minor, s * (quantity - returned_quantity), 0
            from items where company_id is not null)
        select currency_code, dimension, day, key, sum(gmv), sum(commission), sum(quantity), sum(orders) from parts
         group by 1, 2, 3, 4
        having sum(gmv) <> 0 or sum(commission) <> 0 or sum(quantity) <> 0 or sum(orders) <> 0
         order by 1, 2, 3, 4
        on conflict (currency_code, dimension, day, key) do update set
          gmv_minor = r.gmv_minor + excluded.gmv_minor, commission_minor = r.commission_minor + excluded.commission_minor,
          quantity = r.quantity + excluded.quantity, order_count = r.order_count + excluded.order_count;

        -- Per vendor: the vendor orders (head lines), plain sums.
        insert into sales_rollup_daily_vendor_orders as r (currency_code, day, vendor_id, vendor_order_count, accepted_count, decided_count, canceled_count, delivered_count, returned_count)
        with ${d}
        select currency_code, ${DAY}, vendor_id, sum(s), sum(s * (accepted_at is not null)::int),
               sum(s * (accepted_at is not null or vendor_order_status = 'rejected')::int), sum(s * (canceled_at is not null)::int),
               sum(s * (delivered_at is not null)::int), sum(s * has_return::int)
          from d where is_vendor_order_head
         group by 1, 2, 3
        having sum(s) <> 0 or sum(s * (accepted_at is not null)::int) <> 0 or sum(s * (accepted_at is not null or vendor_order_status = 'rejected')::int) <> 0
            or sum(s * (canceled_at is not null)::int) <> 0 or sum(s * (delivered_at is not null)::int) <> 0 or sum(s * has_return::int) <> 0
         order by 1, 2, 3
        on conflict (currency_code, day, vendor_id) do update set
          vendor_order_count = r.vendor_order_count + excluded.vendor_order_count, accepted_count = r.accepted_count + excluded.accepted_count,
          decided_count = r.decided_count + excluded.decided_count, canceled_count = r.canceled_count + excluded.canceled_count,
          delivered_count = r.delivered_count + excluded.delivered_count, returned_count = r.returned_count + excluded.returned_count;`
}

const REBUILD_DAILY_SQL = `
        truncate sales_rollup_daily_item, sales_rollup_daily_item_all, sales_rollup_daily_vendor_orders;
        insert into sales_rollup_daily_item (vendor_id, currency_code, dimension, day, key, gmv_minor, commission_minor, quantity, order_count)
        select vendor_id, currency_code, 'product', ${DAY}, product_id, sum(total_minor - refunded_minor), sum(commission_minor),
               sum(quantity - returned_quantity), count(distinct vendor_order_id)
          from sales_fact where deleted_at is null and line_type = 'item' and product_id is not null group by 1, 2, 3, 4, 5
        union all
        select vendor_id, currency_code, 'category', ${DAY}, category_id, sum(total_minor - refunded_minor), sum(commission_minor),
               sum(quantity - returned_quantity), count(distinct vendor_order_id)
          from sales_fact where deleted_at is null and line_type = 'item' and category_id is not null group by 1, 2, 3, 4, 5;
        insert into sales_rollup_daily_item_all (currency_code, dimension, day, key, gmv_minor, commission_minor, quantity, order_count)
        select currency_code, 'category', ${DAY}, category_id, sum(total_minor - refunded_minor), sum(commission_minor),
               sum(quantity - returned_quantity), count(distinct order_id)
          from sales_fact where deleted_at is null and line_type = 'item' and category_id is not null group by 1, 2, 3, 4
        union all
        select currency_code, 'company', ${DAY}, company_id, sum(total_minor - refunded_minor), sum(commission_minor),
               sum(quantity - returned_quantity), count(distinct order_id)
          from sales_fact where deleted_at is null and line_type = 'item' and company_id is not null group by 1, 2, 3, 4;
        insert into sales_rollup_daily_vendor_orders (currency_code, day, vendor_id, vendor_order_count, accepted_count, decided_count, canceled_count, delivered_count, returned_count)
        select currency_code, ${DAY}, vendor_id, count(*), count(accepted_at), count(*) filter (where accepted_at is not null or vendor_order_status = 'rejected'),
               count(canceled_at), count(delivered_at), count(*) filter (where has_return)
          from sales_fact where deleted_at is null and is_vendor_order_head group by 1, 2, 3;`

export class Migration20261203030000 extends Migration {
  override async up(): Promise<void> {
    // Lines of an order (the marketplace's distinct counts), and the head
    // lines of one vendor with what the per-page performance read needs.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sales_fact_order_id" ON "sales_fact" ("order_id") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_sales_fact_vendor_order_heads_ship" ON "sales_fact" ("vendor_id", "currency_code", "placed_at") INCLUDE ("shipped_at", "canceled_at") WHERE is_vendor_order_head AND deleted_at IS NULL;`
    )

    this.addSql(`create table if not exists "sales_rollup_daily_item" (
      "vendor_id" text not null, "currency_code" text not null, "dimension" text not null check ("dimension" in ('product', 'category')),
      "day" date not null, "key" text not null,
      "gmv_minor" bigint not null default 0, "commission_minor" bigint not null default 0, "quantity" bigint not null default 0,
      "order_count" bigint not null default 0,
      constraint "sales_rollup_daily_item_pkey" primary key ("vendor_id", "currency_code", "dimension", "day", "key"));`)
    // The operator's top products: every vendor, index-only.
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_sales_rollup_daily_item_time" ON "sales_rollup_daily_item" ("currency_code", "dimension", "day") INCLUDE ("key", "gmv_minor", "order_count", "commission_minor", "quantity");`
    )
    this.addSql(`create table if not exists "sales_rollup_daily_item_all" (
      "currency_code" text not null, "dimension" text not null check ("dimension" in ('category', 'company')),
      "day" date not null, "key" text not null,
      "gmv_minor" bigint not null default 0, "commission_minor" bigint not null default 0, "quantity" bigint not null default 0,
      "order_count" bigint not null default 0,
      constraint "sales_rollup_daily_item_all_pkey" primary key ("currency_code", "dimension", "day", "key"));`)
    this.addSql(`create table if not exists "sales_rollup_daily_vendor_orders" (
      "currency_code" text not null, "day" date not null, "vendor_id" text not null,
      "vendor_order_count" bigint not null default 0, "accepted_count" bigint not null default 0, "decided_count" bigint not null default 0,
      "canceled_count" bigint not null default 0, "delivered_count" bigint not null default 0, "returned_count" bigint not null default 0,
      constraint "sales_rollup_daily_vendor_orders_pkey" primary key ("currency_code", "day", "vendor_id"));`)

    // One trigger per event: PostgreSQL allows transition tables on single-event triggers only.
    const fn = (name: string, delta: string) =>
      `create or replace function ${name}() returns trigger language plpgsql as $$
      begin
        ${applySql(delta)}
        return null;
      end $$;`
    this.addSql(fn("lilium_sales_fact_daily_insert", "select n.*, 1 as s from new_rows n"))
    this.addSql(fn("lilium_sales_fact_daily_update", "select n.*, 1 as s from new_rows n union all select o.*, -1 from old_rows o"))
    this.addSql(fn("lilium_sales_fact_daily_delete", "select o.*, -1 as s from old_rows o"))
    for (const [op, ref] of [
      ["insert", "new table as new_rows"],
      ["update", "old table as old_rows new table as new_rows"],
      ["delete", "old table as old_rows"],
    ]) {
      this.addSql(`drop trigger if exists sales_fact_daily_${op} on "sales_fact";`)
      this.addSql(
        `create trigger sales_fact_daily_${op} after ${op} on "sales_fact" referencing ${ref} for each statement execute function lilium_sales_fact_daily_${op}();`
      )
    }

    // Rebuilds from the facts (after a bulk load with the triggers off, or to repair).
    this.addSql(`create or replace function lilium_rebuild_sales_daily_rollups() returns void language plpgsql as $$
      begin
        ${REBUILD_DAILY_SQL}
      end $$;`)
    // The existing entry point rebuilds every rollup: hourly (as before) and daily.
    this.addSql(`create or replace function lilium_rebuild_sales_rollups() returns void language plpgsql as $$
      begin
        ${REBUILD_HOURLY_SQL}
        perform lilium_rebuild_sales_daily_rollups();
      end $$;`)
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function lilium_rebuild_sales_rollups() returns void language plpgsql as $$
      begin
        ${REBUILD_HOURLY_SQL}
      end $$;`)
    for (const op of ["insert", "update", "delete"]) {
      this.addSql(`drop trigger if exists sales_fact_daily_${op} on "sales_fact";`)
      this.addSql(`drop function if exists lilium_sales_fact_daily_${op}();`)
    }
    this.addSql(`drop function if exists lilium_rebuild_sales_daily_rollups();`)
    this.addSql(`drop table if exists "sales_rollup_daily_item" cascade;`)
    this.addSql(`drop table if exists "sales_rollup_daily_item_all" cascade;`)
    this.addSql(`drop table if exists "sales_rollup_daily_vendor_orders" cascade;`)
    this.addSql(`drop index if exists "IDX_sales_fact_order_id";`)
    this.addSql(`drop index if exists "IDX_sales_fact_vendor_order_heads_ship";`)
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
