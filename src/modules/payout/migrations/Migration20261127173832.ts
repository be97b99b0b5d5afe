import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261127173832 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payout_account" drop constraint if exists "payout_account_vendor_id_provider_unique";`)
    this.addSql(
      `create table if not exists "payout_account" ("id" text not null, "vendor_id" text not null, "provider" text not null, "status" text check ("status" in ('pending', 'active', 'restricted', 'disabled')) not null default 'pending', "is_default" boolean not null default true, "external_id" text null, "data" jsonb null, "status_reason" text null, "synced_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payout_account_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_account_deleted_at" ON "payout_account" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payout_account_vendor_id_provider_unique" ON "payout_account" ("vendor_id", "provider") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_account_external_id" ON "payout_account" ("external_id") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "payout_run" ("id" text not null, "status" text check ("status" in ('running', 'completed', 'failed')) not null default 'running', "currency_code" text null, "trigger" text check ("trigger" in ('schedule', 'operator')) not null default 'operator', "created_by" text null, "payout_count" integer not null default 0, "completed_at" timestamptz null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payout_run_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_run_deleted_at" ON "payout_run" ("deleted_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payout_account" cascade;`)

    this.addSql(`drop table if exists "payout_run" cascade;`)
  }
}
