import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261127173831 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payout" drop constraint if exists "payout_run_id_vendor_id_currency_code_unique";`)
    this.addSql(
      `create table if not exists "payout" ("id" text not null, "vendor_id" text not null, "run_id" text null, "currency_code" text not null, "amount" numeric not null, "status" text check ("status" in ('pending', 'processing', 'paid', 'failed')) not null default 'pending', "provider" text not null, "payout_account_id" text not null, "reference" text null, "attempt" integer not null default 1, "attempted_at" timestamptz null, "paid_at" timestamptz null, "failed_at" timestamptz null, "failure_code" text null, "failure_reason" text null, "last_error" text null, "created_by" text null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payout_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_deleted_at" ON "payout" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_payout_vendor_id_currency_code_created_at" ON "payout" ("vendor_id", "currency_code", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_status" ON "payout" ("status") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payout_run_id_vendor_id_currency_code_unique" ON "payout" ("run_id", "vendor_id", "currency_code") WHERE run_id IS NOT NULL AND deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_reference" ON "payout" ("reference") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "payout_item" ("id" text not null, "transaction_id" text not null, "payout_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payout_item_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_item_payout_id" ON "payout_item" ("payout_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_item_deleted_at" ON "payout_item" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payout_item_transaction_id" ON "payout_item" ("transaction_id") WHERE deleted_at IS NULL;`)

    this.addSql(
      `alter table if exists "payout_item" add constraint "payout_item_payout_id_foreign" foreign key ("payout_id") references "payout" ("id") on update cascade;`
    )
    // What a payout covers is a fact, like the ledger rows themselves.
    this.addSql(`drop trigger if exists payout_item_append_only on "payout_item";`)
    this.addSql(
      `create trigger payout_item_append_only before update or delete on "payout_item" for each row execute function lilium_ledger_append_only();`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists payout_item_append_only on "payout_item";`)
    this.addSql(`alter table if exists "payout_item" drop constraint if exists "payout_item_payout_id_foreign";`)

    this.addSql(`drop table if exists "payout" cascade;`)

    this.addSql(`drop table if exists "payout_item" cascade;`)
  }
}
