import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261202164519 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "quote" ("id" text not null, "cart_id" text not null, "customer_id" text not null, "company_id" text null, "currency_code" text not null, "status" text check ("status" in ('requested', 'accepted', 'ordered')) not null default 'requested', "message" text null, "items_fingerprint" text not null, "accepted_fingerprint" text null, "accepted_at" timestamptz null, "order_id" text null, "ordered_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "quote_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_deleted_at" ON "quote" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_quote_customer_id_created_at" ON "quote" ("customer_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_cart_id" ON "quote" ("cart_id") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_quote_live_cart" ON "quote" ("cart_id") WHERE deleted_at IS NULL AND status IN ('requested', 'accepted');`
    )

    this.addSql(
      `create table if not exists "vendor_quote" ("id" text not null, "vendor_id" text not null, "status" text check ("status" in ('requested', 'quoted', 'declined', 'accepted', 'withdrawn')) not null default 'requested', "currency_code" text not null, "valid_until" timestamptz null, "response_message" text null, "decline_reason" text null, "responded_at" timestamptz null, "responded_by" text null, "quote_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "vendor_quote_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vendor_quote_quote_id" ON "vendor_quote" ("quote_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vendor_quote_deleted_at" ON "vendor_quote" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_vendor_quote_vendor_id_status_created_at" ON "vendor_quote" ("vendor_id", "status", "created_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "quote_message" ("id" text not null, "author_type" text check ("author_type" in ('customer', 'vendor')) not null, "author_id" text not null, "author_name" text null, "body" text not null, "vendor_quote_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "quote_message_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_quote_message_vendor_quote_id" ON "quote_message" ("vendor_quote_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_message_deleted_at" ON "quote_message" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_quote_message_vendor_quote_id_created_at" ON "quote_message" ("vendor_quote_id", "created_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "vendor_quote_item" ("id" text not null, "line_item_id" text not null, "variant_id" text null, "product_id" text null, "title" text not null, "variant_title" text null, "sku" text null, "quantity" integer not null, "list_unit_price" numeric not null, "unit_price" numeric null, "vendor_quote_id" text not null, "raw_list_unit_price" jsonb not null, "raw_unit_price" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "vendor_quote_item_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_vendor_quote_item_vendor_quote_id" ON "vendor_quote_item" ("vendor_quote_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_vendor_quote_item_deleted_at" ON "vendor_quote_item" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "vendor_quote" add constraint "vendor_quote_quote_id_foreign" foreign key ("quote_id") references "quote" ("id") on update cascade on delete cascade;`
    )

    this.addSql(
      `alter table if exists "quote_message" add constraint "quote_message_vendor_quote_id_foreign" foreign key ("vendor_quote_id") references "vendor_quote" ("id") on update cascade on delete cascade;`
    )

    this.addSql(
      `alter table if exists "vendor_quote_item" add constraint "vendor_quote_item_vendor_quote_id_foreign" foreign key ("vendor_quote_id") references "vendor_quote" ("id") on update cascade on delete cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "vendor_quote" drop constraint if exists "vendor_quote_quote_id_foreign";`)

    this.addSql(`alter table if exists "quote_message" drop constraint if exists "quote_message_vendor_quote_id_foreign";`)

    this.addSql(`alter table if exists "vendor_quote_item" drop constraint if exists "vendor_quote_item_vendor_quote_id_foreign";`)

    this.addSql(`drop table if exists "quote" cascade;`)

    this.addSql(`drop table if exists "vendor_quote" cascade;`)

    this.addSql(`drop table if exists "quote_message" cascade;`)

    this.addSql(`drop table if exists "vendor_quote_item" cascade;`)
  }
}
