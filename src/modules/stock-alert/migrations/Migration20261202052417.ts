import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261202052417 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "stock_alert" ("id" text not null, "customer_id" text not null, "variant_id" text not null, "sales_channel_id" text not null, "channel" text check ("channel" in ('email', 'sms')) not null default 'email', "status" text check ("status" in ('active', 'sent', 'canceled')) not null default 'active', "sent_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "stock_alert_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_alert_deleted_at" ON "stock_alert" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_stock_alert_variant_id_status" ON "stock_alert" ("variant_id", "status") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_stock_alert_customer_id" ON "stock_alert" ("customer_id") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_stock_alert_customer_id_variant_id_unique" ON "stock_alert" ("customer_id", "variant_id") WHERE status = 'active' AND deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stock_alert" cascade;`)
  }
}
