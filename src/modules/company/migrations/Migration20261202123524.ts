import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261202123524 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "company_order" drop constraint if exists "company_order_order_id_unique";`)
    this.addSql(
      `alter table if exists "company_approval_settings" drop constraint if exists "company_approval_settings_company_id_unique";`
    )
    this.addSql(`alter table if exists "company_approval" drop constraint if exists "company_approval_cart_id_unique";`)
    this.addSql(
      `create table if not exists "company_approval" ("id" text not null, "cart_id" text not null, "requested_by" text not null, "requester_customer_id" text not null, "status" text check ("status" in ('pending', 'approved', 'rejected', 'voided')) not null default 'pending', "cart_fingerprint" text not null, "cart_total" numeric not null, "currency_code" text not null, "decided_by" text null, "decided_at" timestamptz null, "note" text null, "company_id" text not null, "raw_cart_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "company_approval_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_company_approval_company_id" ON "company_approval" ("company_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_company_approval_deleted_at" ON "company_approval" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_company_approval_cart_id_unique" ON "company_approval" ("cart_id") WHERE deleted_at IS NULL AND status IN ('pending', 'approved');`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_company_approval_company_id_status" ON "company_approval" ("company_id", "status") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "company_approval_settings" ("id" text not null, "company_id" text not null, "currency_code" text not null, "approval_threshold" numeric null, "raw_approval_threshold" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "company_approval_settings_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_company_approval_settings_deleted_at" ON "company_approval_settings" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_company_approval_settings_company_id_unique" ON "company_approval_settings" ("company_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "company_order" ("id" text not null, "employee_id" text not null, "customer_id" text not null, "order_id" text not null, "cart_id" text not null, "currency_code" text not null, "total" numeric not null, "placed_at" timestamptz not null, "company_id" text not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "company_order_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_company_order_company_id" ON "company_order" ("company_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_company_order_deleted_at" ON "company_order" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_company_order_order_id_unique" ON "company_order" ("order_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_company_order_employee_id_placed_at" ON "company_order" ("employee_id", "placed_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_company_order_company_id_placed_at" ON "company_order" ("company_id", "placed_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "company_approval" add constraint "company_approval_company_id_foreign" foreign key ("company_id") references "company" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "company_order" add constraint "company_order_company_id_foreign" foreign key ("company_id") references "company" ("id") on update cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "company_approval" cascade;`)

    this.addSql(`drop table if exists "company_approval_settings" cascade;`)

    this.addSql(`drop table if exists "company_order" cascade;`)
  }
}
