import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261127155519 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "commission_line" drop constraint if exists "commission_line_vendor_order_id_reference_id_unique";`)
    this.addSql(
      `create table if not exists "commission_line" ("id" text not null, "order_id" text not null, "vendor_order_id" text not null, "vendor_id" text not null, "line_type" text check ("line_type" in ('item', 'shipping')) not null, "reference_id" text not null, "rule_id" text null, "rule_name" text null, "rate_type" text null, "rate_value" numeric null, "currency_code" text not null, "quantity" numeric not null, "base_amount" numeric not null, "amount" numeric not null, "raw_rate_value" jsonb null, "raw_quantity" jsonb not null, "raw_base_amount" jsonb not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commission_line_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_line_deleted_at" ON "commission_line" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_commission_line_vendor_order_id_reference_id_unique" ON "commission_line" ("vendor_order_id", "reference_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_commission_line_vendor_id_created_at" ON "commission_line" ("vendor_id", "created_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "commission_rule" ("id" text not null, "name" text not null, "rate_type" text check ("rate_type" in ('percentage', 'flat')) not null, "value" numeric not null, "currency_code" text null, "min_amount" numeric null, "max_amount" numeric null, "scope_type" text check ("scope_type" in ('global', 'vendor', 'product_category', 'product_type', 'product_collection', 'product')) not null, "scope_id" text null, "priority" integer not null default 0, "starts_at" timestamptz null, "ends_at" timestamptz null, "include_shipping" boolean not null default false, "is_active" boolean not null default true, "metadata" jsonb null, "raw_value" jsonb not null, "raw_min_amount" jsonb null, "raw_max_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "commission_rule_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_rule_deleted_at" ON "commission_rule" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_commission_rule_scope_type_scope_id" ON "commission_rule" ("scope_type", "scope_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_commission_rule_is_active" ON "commission_rule" ("is_active") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commission_line" cascade;`)

    this.addSql(`drop table if exists "commission_rule" cascade;`)
  }
}
