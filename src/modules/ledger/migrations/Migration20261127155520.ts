import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261127155520 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "vendor_transaction_release" drop constraint if exists "vendor_transaction_release_transaction_id_unique";`
    )
    this.addSql(`alter table if exists "vendor_transaction" drop constraint if exists "vendor_transaction_idempotency_key_unique";`)
    this.addSql(
      `create table if not exists "vendor_transaction" ("id" text not null, "vendor_id" text not null, "type" text check ("type" in ('sale', 'commission', 'refund', 'commission_reversal', 'adjustment', 'payout', 'payout_reversal')) not null, "amount" numeric not null, "currency_code" text not null, "order_id" text null, "vendor_order_id" text null, "payout_id" text null, "reference" text null, "note" text null, "created_by" text null, "available_at" timestamptz null, "idempotency_key" text not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "vendor_transaction_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_vendor_transaction_deleted_at" ON "vendor_transaction" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_vendor_transaction_idempotency_key_unique" ON "vendor_transaction" ("idempotency_key") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_vendor_transaction_vendor_id_currency_code_created_at" ON "vendor_transaction" ("vendor_id", "currency_code", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_vendor_transaction_vendor_order_id" ON "vendor_transaction" ("vendor_order_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "vendor_transaction_release" ("id" text not null, "transaction_id" text not null, "available_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "vendor_transaction_release_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_vendor_transaction_release_deleted_at" ON "vendor_transaction_release" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_vendor_transaction_release_transaction_id_unique" ON "vendor_transaction_release" ("transaction_id") WHERE deleted_at IS NULL;`
    )
    // The ledger is append-only, in the database too: any UPDATE or DELETE
    // of a posted row (or of a release) raises. (TRUNCATE is left to
    // operators and test teardown.)
    this.addSql(`create or replace function lilium_ledger_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'vendor ledger rows are append-only: % on % is not allowed', tg_op, tg_table_name;
      end $$;`)
    this.addSql(`drop trigger if exists vendor_transaction_append_only on "vendor_transaction";`)
    this.addSql(
      `create trigger vendor_transaction_append_only before update or delete on "vendor_transaction" for each row execute function lilium_ledger_append_only();`
    )
    this.addSql(`drop trigger if exists vendor_transaction_release_append_only on "vendor_transaction_release";`)
    this.addSql(
      `create trigger vendor_transaction_release_append_only before update or delete on "vendor_transaction_release" for each row execute function lilium_ledger_append_only();`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists vendor_transaction_append_only on "vendor_transaction";`)
    this.addSql(`drop trigger if exists vendor_transaction_release_append_only on "vendor_transaction_release";`)
    this.addSql(`drop function if exists lilium_ledger_append_only();`)
    this.addSql(`drop table if exists "vendor_transaction" cascade;`)

    this.addSql(`drop table if exists "vendor_transaction_release" cascade;`)
  }
}
