import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * sales_rollup_ship_hours with one row per (currency, vendor, block): the
 * hours to ship and their counts as two parallel integer arrays, sorted by
 * hour (issue 23, session 14). One row per shipped order and level made the
 * table 1.56M rows (241 MB) at 1M facts and its rebuild the part that took
 * the full rebuild past two minutes; packed, a block is one row (a small
 * vendor's order still is one entry, at 5× less per entry). Same triggers
 * and rebuild otherwise (Migration20261203150000); a block whose counts all
 * went back to zero keeps a row with empty arrays.
 */

const DAY = `(placed_at at time zone 'UTC')::date`
const LEVELS = 9

/** The per-(block, hour) counts of `cells` (columns currency_code, vendor_id, day, hours, n), packed per block. */
const packed = (cells: string) => `
        select currency_code, vendor_id, l, start, array_agg(hours order by hours), array_agg(n order by hours) from (
          select currency_code, vendor_id, l, lilium_block_start(day, l) as start, hours, sum(n)::integer as n
            from (${cells}) c cross join generate_series(0, ${LEVELS}) l
           group by 1, 2, 3, 4, 5 having sum(n) <> 0) x
         group by 1, 2, 3, 4 order by 1, 2, 3, 4`

function shipApplySql(delta: string) {
  return `insert into sales_rollup_ship_hours as r (currency_code, vendor_id, level, start, hours, shipped)
        ${packed(`select currency_code, vendor_id, ${DAY} as day, lilium_ship_hours(placed_at, shipped_at) as hours, s as n
                    from (${delta}) x where deleted_at is null and is_vendor_order_head and shipped_at is not null`)}
        on conflict (currency_code, vendor_id, level, start) do update set (hours, shipped) = (
          select coalesce(array_agg(h order by h), '{}'), coalesce(array_agg(n order by h), '{}') from (
            select h, sum(n)::integer as n from (
              select unnest(r.hours) as h, unnest(r.shipped) as n
              union all select unnest(excluded.hours), unnest(excluded.shipped)) u
             group by h having sum(n) <> 0) v);`
}

const REBUILD_SHIP_SQL = `
        truncate sales_rollup_ship_hours;
        insert into sales_rollup_ship_hours (currency_code, vendor_id, level, start, hours, shipped)
        ${packed(`select currency_code, vendor_id, ${DAY} as day, lilium_ship_hours(placed_at, shipped_at) as hours, count(*) as n
                    from sales_fact where deleted_at is null and is_vendor_order_head and shipped_at is not null group by 1, 2, 3, 4`)};`

const VENDOR_SUMS = ["gmv_minor", "commission_minor", "quantity", "vendor_order_count", "line_count"]
const vendorSums = [
  `sum(total_minor - refunded_minor)`,
  `sum(commission_minor)`,
  `sum(quantity - returned_quantity)`,
  `count(*) filter (where is_vendor_order_head)`,
  `count(*)`,
]
/** The vendor blocks' rebuild of Migration20261203150000, unchanged. */
const REBUILD_VENDOR_SQL = `
        truncate sales_rollup_vendor_blocks;
        insert into sales_rollup_vendor_blocks (currency_code, level, start, vendor_id, ${VENDOR_SUMS.join(", ")})
        select currency_code, l, lilium_block_start(day, l), vendor_id, ${VENDOR_SUMS.map((c) => `sum(${c})`).join(", ")}
          from (select currency_code, vendor_id, ${DAY} as day, ${vendorSums.map((e, i) => `${e} as ${VENDOR_SUMS[i]}`).join(", ")}
                  from sales_fact where deleted_at is null group by 1, 2, 3) d
         cross join generate_series(0, ${LEVELS}) l
         group by 1, 2, 3, 4 order by 1, 2, 3, 4;`

const DELTAS: [string, string][] = [
  ["insert", "select n.*, 1 as s from new_rows n"],
  ["update", "select n.*, 1 as s from new_rows n union all select o.*, -1 from old_rows o"],
  ["delete", "select o.*, -1 as s from old_rows o"],
]

export class Migration20261203170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop table if exists "sales_rollup_ship_hours" cascade;`)
    this.addSql(`create table "sales_rollup_ship_hours" (
      "currency_code" text not null, "vendor_id" text not null, "level" smallint not null, "start" date not null,
      "hours" integer[] not null default '{}', "shipped" integer[] not null default '{}',
      constraint "sales_rollup_ship_hours_pkey" primary key ("currency_code", "vendor_id", "level", "start"));`)
    // The triggers (Migration20261203150000) call these functions: replacing them is enough.
    for (const [op, delta] of DELTAS) {
      this.addSql(`create or replace function lilium_sales_fact_ship_${op}() returns trigger language plpgsql as $$
      begin
        ${shipApplySql(delta)}
        return null;
      end $$;`)
    }
    this.addSql(`create or replace function lilium_rebuild_sales_block_rollups() returns void language plpgsql as $$
      begin
        perform set_config('work_mem', '256MB', true);
        ${REBUILD_SHIP_SQL}
        ${REBUILD_VENDOR_SQL}
      end $$;`)
    this.addSql(`do $$ begin perform set_config('work_mem', '256MB', true); ${REBUILD_SHIP_SQL} end $$;`)
  }

  override async down(): Promise<void> {
    // Back to one row per hour: the previous migration's table, filled from the facts.
    this.addSql(`drop table if exists "sales_rollup_ship_hours" cascade;`)
    this.addSql(`create table "sales_rollup_ship_hours" (
      "currency_code" text not null, "vendor_id" text not null, "level" smallint not null, "start" date not null,
      "hours" integer not null, "shipped" bigint not null default 0,
      constraint "sales_rollup_ship_hours_pkey" primary key ("currency_code", "vendor_id", "level", "start", "hours") include ("shipped"));`)
    for (const [op, delta] of DELTAS) {
      this.addSql(`create or replace function lilium_sales_fact_ship_${op}() returns trigger language plpgsql as $$
      begin
        insert into sales_rollup_ship_hours as r (currency_code, vendor_id, level, start, hours, shipped)
        select currency_code, vendor_id, l, lilium_block_start(day, l), hours, sum(s)
          from (select currency_code, vendor_id, ${DAY} as day, lilium_ship_hours(placed_at, shipped_at) as hours, s
                  from (${delta}) x where deleted_at is null and is_vendor_order_head and shipped_at is not null) h
         cross join generate_series(0, ${LEVELS}) l
         group by 1, 2, 3, 4, 5 having sum(s) <> 0 order by 1, 2, 3, 4, 5
        on conflict (currency_code, vendor_id, level, start, hours) do update set shipped = r.shipped + excluded.shipped;
        return null;
      end $$;`)
    }
    const rebuild = `
        truncate sales_rollup_ship_hours;
        insert into sales_rollup_ship_hours (currency_code, vendor_id, level, start, hours, shipped)
        select currency_code, vendor_id, l, lilium_block_start(day, l), hours, sum(n)
          from (select currency_code, vendor_id, ${DAY} as day, lilium_ship_hours(placed_at, shipped_at) as hours, count(*) as n
                  from sales_fact where deleted_at is null and is_vendor_order_head and shipped_at is not null group by 1, 2, 3, 4) d
         cross join generate_series(0, ${LEVELS}) l
         group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5;`
    this.addSql(`create or replace function lilium_rebuild_sales_block_rollups() returns void language plpgsql as $$
      begin
        perform set_config('work_mem', '256MB', true);
        ${rebuild}
        ${REBUILD_VENDOR_SQL}
      end $$;`)
    this.addSql(`do $$ begin ${rebuild} end $$;`)
  }
}
