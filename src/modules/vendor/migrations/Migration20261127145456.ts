import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261127145456 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "vendor_order" drop constraint if exists "vendor_order_vendor_id_display_id_unique";`)
    this.addSql(`alter table if exists "vendor_order" drop constraint if exists "vendor_order_order_id_vendor_id_unique";`)
    this.addSql(
      `create table if not exists "vendor_order" ("id" text not null, "display_id" integer not null, "order_id" text not null, "status" text check ("status" in ('pending', 'accepted', 'rejected', 'fulfilled', 'shipped', 'delivered', 'canceled')) not null default 'pending', "currency_code" text not null, "customer_id" text null, "email" text null, "subtotal" numeric not null, "item_total" numeric not null, "shipping_total" numeric not null, "discount_total" numeric not null, "tax_total" numeric not null, "total" numeric not null, "commission_total" numeric not null default 0, "refunded_total" numeric not null default 0, "status_reason" text null, "accepted_at" timestamptz null, "rejected_at" timestamptz null, "fulfilled_at" timestamptz null, "shipped_at" timestamptz null, "delivered_at" timestamptz null, "canceled_at" timestamptz null, "metadata" jsonb null, "vendor_id" text not null, "raw_subtotal" jsonb not null, "raw_item_total" jsonb not null, "raw_shipping_total" jsonb not null, "raw_discount_total" jsonb not null, "raw_tax_total" jsonb not null, "raw_total" jsonb not null, "raw_commission_total" jsonb not null default '{"value":"0","precision":20}', "raw_refunded_total" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "vendor_order_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vendor_order_vendor_id" ON "vendor_order" ("vendor_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vendor_order_deleted_at" ON "vendor_order" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_vendor_order_order_id_vendor_id_unique" ON "vendor_order" ("order_id", "vendor_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_vendor_order_vendor_id_display_id_unique" ON "vendor_order" ("vendor_id", "display_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_vendor_order_vendor_id_status_created_at" ON "vendor_order" ("vendor_id", "status", "created_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "vendor_order_item" ("id" text not null, "line_item_id" text not null, "product_id" text null, "variant_id" text null, "title" text not null, "variant_title" text null, "sku" text null, "thumbnail" text null, "quantity" numeric not null, "unit_price" numeric not null, "subtotal" numeric not null, "discount_total" numeric not null, "tax_total" numeric not null, "total" numeric not null, "vendor_order_id" text not null, "raw_quantity" jsonb not null, "raw_unit_price" jsonb not null, "raw_subtotal" jsonb not null, "raw_discount_total" jsonb not null, "raw_tax_total" jsonb not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "vendor_order_item_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_vendor_order_item_vendor_order_id" ON "vendor_order_item" ("vendor_order_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_vendor_order_item_deleted_at" ON "vendor_order_item" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_vendor_order_item_line_item_id" ON "vendor_order_item" ("line_item_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "vendor_order_shipping_method" ("id" text not null, "shipping_method_id" text not null, "shipping_option_id" text null, "name" text not null, "amount" numeric not null, "subtotal" numeric not null, "discount_total" numeric not null, "tax_total" numeric not null, "total" numeric not null, "vendor_order_id" text not null, "raw_amount" jsonb not null, "raw_subtotal" jsonb not null, "raw_discount_total" jsonb not null, "raw_tax_total" jsonb not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "vendor_order_shipping_method_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_vendor_order_shipping_method_vendor_order_id" ON "vendor_order_shipping_method" ("vendor_order_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_vendor_order_shipping_method_deleted_at" ON "vendor_order_shipping_method" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "vendor_order_status_change" ("id" text not null, "from_status" text null, "to_status" text not null, "actor_type" text check ("actor_type" in ('vendor', 'user', 'customer', 'system')) not null, "actor_id" text null, "reason" text null, "vendor_order_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "vendor_order_status_change_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_vendor_order_status_change_vendor_order_id" ON "vendor_order_status_change" ("vendor_order_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_vendor_order_status_change_deleted_at" ON "vendor_order_status_change" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "vendor_order" add constraint "vendor_order_vendor_id_foreign" foreign key ("vendor_id") references "vendor" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "vendor_order_item" add constraint "vendor_order_item_vendor_order_id_foreign" foreign key ("vendor_order_id") references "vendor_order" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "vendor_order_shipping_method" add constraint "vendor_order_shipping_method_vendor_order_id_foreign" foreign key ("vendor_order_id") references "vendor_order" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "vendor_order_status_change" add constraint "vendor_order_status_change_vendor_order_id_foreign" foreign key ("vendor_order_id") references "vendor_order" ("id") on update cascade;`
    )

    this.addSql(`alter table if exists "vendor" add column if not exists "order_sequence" integer not null default 0;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "vendor_order_item" drop constraint if exists "vendor_order_item_vendor_order_id_foreign";`)

    this.addSql(
      `alter table if exists "vendor_order_shipping_method" drop constraint if exists "vendor_order_shipping_method_vendor_order_id_foreign";`
    )

    this.addSql(
      `alter table if exists "vendor_order_status_change" drop constraint if exists "vendor_order_status_change_vendor_order_id_foreign";`
    )

    this.addSql(`drop table if exists "vendor_order" cascade;`)

    this.addSql(`drop table if exists "vendor_order_item" cascade;`)

    this.addSql(`drop table if exists "vendor_order_shipping_method" cascade;`)

    this.addSql(`drop table if exists "vendor_order_status_change" cascade;`)

    this.addSql(`alter table if exists "vendor" drop column if exists "order_sequence";`)
  }
}
