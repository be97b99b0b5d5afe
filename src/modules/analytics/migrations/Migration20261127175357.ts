import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261127175357 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "sales_fact" drop constraint if exists "sales_fact_line_key_unique";`)
    this.addSql(
      `create table if not exists "sales_fact" ("id" text not null, "line_key" text not null, "line_type" text check ("line_type" in ('item', 'shipping')) not null, "order_id" text not null, "vendor_order_id" text not null, "vendor_id" text not null, "product_id" text null, "variant_id" text null, "category_id" text null, "collection_id" text null, "customer_id" text null, "company_id" text null, "currency_code" text not null, "vendor_order_status" text not null, "is_order_head" boolean not null default false, "is_vendor_order_head" boolean not null default false, "quantity" integer not null default 0, "returned_quantity" integer not null default 0, "has_return" boolean not null default false, "total_minor" integer not null default 0, "discount_minor" integer not null default 0, "tax_minor" integer not null default 0, "refunded_minor" integer not null default 0, "commission_minor" integer not null default 0, "placed_at" timestamptz not null, "accepted_at" timestamptz null, "shipped_at" timestamptz null, "delivered_at" timestamptz null, "canceled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sales_fact_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sales_fact_deleted_at" ON "sales_fact" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_sales_fact_line_key_unique" ON "sales_fact" ("line_key") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sales_fact_vendor_order_id" ON "sales_fact" ("vendor_order_id") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_sales_fact_vendor_id_currency_code_placed_at" ON "sales_fact" ("vendor_id", "currency_code", "placed_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_sales_fact_currency_code_placed_at" ON "sales_fact" ("currency_code", "placed_at") WHERE deleted_at IS NULL;`
    )

    // Head lines: distinct buyers per range, and vendor-order level reads (performance).
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_sales_fact_order_heads" ON "sales_fact" ("currency_code", "placed_at") INCLUDE ("customer_id", "company_id") WHERE is_order_head AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_sales_fact_vendor_order_heads" ON "sales_fact" ("vendor_id", "currency_code", "placed_at") INCLUDE ("customer_id", "company_id") WHERE is_vendor_order_head AND deleted_at IS NULL;`
    )
    // Covering indexes for the two fact-table reads of the operator: top
    // products/categories/companies (item lines) and vendor performance (head
    // lines). Index-only scans: 244 → 160 ms and 140 → 105 ms at 1M lines.
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_sales_fact_vendor_order_heads_time" ON "sales_fact" ("currency_code", "placed_at") INCLUDE ("vendor_id", "vendor_order_status", "accepted_at", "shipped_at", "delivered_at", "canceled_at", "has_return") WHERE is_vendor_order_head AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_sales_fact_item_lines_time" ON "sales_fact" ("currency_code", "placed_at") INCLUDE ("product_id", "category_id", "company_id", "order_id", "total_minor", "refunded_minor", "commission_minor", "quantity", "returned_quantity") WHERE line_type = 'item' AND deleted_at IS NULL;`
    )

    // Hourly rollups, per vendor and for the whole marketplace. Hours in UTC
    // fall exactly into the days, weeks and months of every time zone whose
    // offset is whole hours; the API reads the facts for the others.
    this.addSql(`create table if not exists "sales_rollup_hourly" (
      "bucket" timestamptz not null, "currency_code" text not null, "vendor_id" text not null,
      "gmv_minor" bigint not null default 0, "refunded_minor" bigint not null default 0, "commission_minor" bigint not null default 0,
      "quantity" bigint not null default 0, "vendor_order_count" bigint not null default 0, "canceled_vendor_order_count" bigint not null default 0,
      constraint "sales_rollup_hourly_pkey" primary key ("vendor_id", "currency_code", "bucket"));`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_sales_rollup_hourly_time" ON "sales_rollup_hourly" ("currency_code", "bucket") INCLUDE ("vendor_id", "gmv_minor", "vendor_order_count", "commission_minor", "quantity");`
    )
    this.addSql(`create table if not exists "sales_rollup_hourly_all" (
      "bucket" timestamptz not null, "currency_code" text not null,
      "gmv_minor" bigint not null default 0, "refunded_minor" bigint not null default 0, "commission_minor" bigint not null default 0,
      "order_count" bigint not null default 0, "vendor_order_count" bigint not null default 0, "canceled_vendor_order_count" bigint not null default 0,
      constraint "sales_rollup_hourly_all_pkey" primary key ("currency_code", "bucket"));`)

    // Adds (sign 1) or takes away (sign -1) one fact in both rollups.
    this.addSql(`create or replace function lilium_sales_rollup_apply(r sales_fact, sign integer) returns void language plpgsql as $$
      declare
        b timestamptz := date_trunc('hour', r.placed_at, 'UTC');
        vo integer := case when r.is_vendor_order_head then 1 else 0 end;
        canceled integer := case when r.is_vendor_order_head and r.canceled_at is not null then 1 else 0 end;
      begin
        if r.deleted_at is not null then return; end if;
        insert into sales_rollup_hourly as h (bucket, currency_code, vendor_id, gmv_minor, refunded_minor, commission_minor, quantity, vendor_order_count, canceled_vendor_order_count)
        values (b, r.currency_code, r.vendor_id, sign * (r.total_minor - r.refunded_minor), sign * r.refunded_minor, sign * r.commission_minor,
                sign * (r.quantity - r.returned_quantity), sign * vo, sign * canceled)
        on conflict (vendor_id, currency_code, bucket) do update set
          gmv_minor = h.gmv_minor + excluded.gmv_minor, refunded_minor = h.refunded_minor + excluded.refunded_minor,
          commission_minor = h.commission_minor + excluded.commission_minor, quantity = h.quantity + excluded.quantity,
          vendor_order_count = h.vendor_order_count + excluded.vendor_order_count,
          canceled_vendor_order_count = h.canceled_vendor_order_count + excluded.canceled_vendor_order_count;
        insert into sales_rollup_hourly_all as a (bucket, currency_code, gmv_minor, refunded_minor, commission_minor, order_count, vendor_order_count, canceled_vendor_order_count)
        values (b, r.currency_code, sign * (r.total_minor - r.refunded_minor), sign * r.refunded_minor, sign * r.commission_minor,
                sign * (case when r.is_order_head then 1 else 0 end), sign * vo, sign * canceled)
        on conflict (currency_code, bucket) do update set
          gmv_minor = a.gmv_minor + excluded.gmv_minor, refunded_minor = a.refunded_minor + excluded.refunded_minor,
          commission_minor = a.commission_minor + excluded.commission_minor, order_count = a.order_count + excluded.order_count,
          vendor_order_count = a.vendor_order_count + excluded.vendor_order_count,
          canceled_vendor_order_count = a.canceled_vendor_order_count + excluded.canceled_vendor_order_count;
      end $$;`)
    this.addSql(`create or replace function lilium_sales_fact_rollup() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then perform lilium_sales_rollup_apply(old, -1); end if;
        if tg_op in ('INSERT', 'UPDATE') then perform lilium_sales_rollup_apply(new, 1); end if;
        return null;
      end $$;`)
    this.addSql(`drop trigger if exists sales_fact_rollup on "sales_fact";`)
    this.addSql(
      `create trigger sales_fact_rollup after insert or update or delete on "sales_fact" for each row execute function lilium_sales_fact_rollup();`
    )

    // Both rollups from scratch (after a bulk load with the trigger off).
    this.addSql(`create or replace function lilium_rebuild_sales_rollups() returns void language plpgsql as $$
      begin
        truncate sales_rollup_hourly, sales_rollup_hourly_all;
        insert into sales_rollup_hourly (bucket, currency_code, vendor_id, gmv_minor, refunded_minor, commission_minor, quantity, vendor_order_count, canceled_vendor_order_count)
        select date_trunc('hour', placed_at, 'UTC'), currency_code, vendor_id, sum(total_minor - refunded_minor), sum(refunded_minor), sum(commission_minor),
               sum(quantity - returned_quantity), count(*) filter (where is_vendor_order_head), count(*) filter (where is_vendor_order_head and canceled_at is not null)
          from sales_fact where deleted_at is null group by 1, 2, 3;
        insert into sales_rollup_hourly_all (bucket, currency_code, gmv_minor, refunded_minor, commission_minor, order_count, vendor_order_count, canceled_vendor_order_count)
        select date_trunc('hour', placed_at, 'UTC'), currency_code, sum(total_minor - refunded_minor), sum(refunded_minor), sum(commission_minor),
               count(*) filter (where is_order_head), count(*) filter (where is_vendor_order_head), count(*) filter (where is_vendor_order_head and canceled_at is not null)
          from sales_fact where deleted_at is null group by 1, 2;
      end $$;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists sales_fact_rollup on "sales_fact";`)
    this.addSql(`drop function if exists lilium_sales_fact_rollup();`)
    this.addSql(`drop function if exists lilium_rebuild_sales_rollups();`)
    this.addSql(`drop table if exists "sales_rollup_hourly" cascade;`)
    this.addSql(`drop table if exists "sales_rollup_hourly_all" cascade;`)
    this.addSql(`drop table if exists "sales_fact" cascade;`)
    this.addSql(`drop function if exists lilium_sales_rollup_apply(sales_fact, integer);`)
  }
}
