import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * sales_rollup_hourly's primary key carries the hour's figures (INCLUDE), so
 * a vendor's totals and series over a range are an index-only scan of its
 * own entries (issue 23, session 15). The rows of one vendor are spread
 * over the heap (each hour's rows of every vendor are written together): at
 * 1M facts the biggest vendor's 30 days were 627 rows on 577 heap pages,
 * read twice per overview (the range and the previous one), against 12
 * index pages now. The updates by the rollup trigger were not HOT before
 * either (IDX_sales_rollup_hourly_time includes the figures), so the write
 * cost is the same number of index entries, each wider. Same key, so the
 * trigger's ON CONFLICT is unchanged.
 */
export class Migration20261203180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "sales_rollup_hourly" drop constraint "sales_rollup_hourly_pkey",
      add constraint "sales_rollup_hourly_pkey" primary key ("vendor_id", "currency_code", "bucket")
        include ("gmv_minor", "refunded_minor", "commission_minor", "quantity", "vendor_order_count", "canceled_vendor_order_count");`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sales_rollup_hourly" drop constraint "sales_rollup_hourly_pkey",
      add constraint "sales_rollup_hourly_pkey" primary key ("vendor_id", "currency_code", "bucket");`)
  }
}
