import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261202085023 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "company_invite" drop constraint if exists "company_invite_token_hash_unique";`)
    this.addSql(`alter table if exists "company_employee" drop constraint if exists "company_employee_customer_id_unique";`)
    this.addSql(
      `create table if not exists "company" ("id" text not null, "name" text not null, "email" text not null, "phone" text null, "tax_id" text null, "status" text check ("status" in ('active', 'suspended')) not null default 'active', "payment_terms" text check ("payment_terms" in ('prepaid', 'net_15', 'net_30', 'net_60')) not null default 'prepaid', "credit_limit" numeric null, "currency_code" text not null default 'eur', "timezone" text not null default 'UTC', "customer_group_id" text null, "raw_credit_limit" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "company_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_company_deleted_at" ON "company" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_company_status" ON "company" ("status") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_company_customer_group_id" ON "company" ("customer_group_id") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "company_employee" ("id" text not null, "customer_id" text not null, "role" text check ("role" in ('admin', 'approver', 'buyer')) not null default 'buyer', "spending_limit" numeric null, "spending_period" text check ("spending_period" in ('order', 'week', 'month')) null, "company_id" text not null, "raw_spending_limit" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "company_employee_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_company_employee_company_id" ON "company_employee" ("company_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_company_employee_deleted_at" ON "company_employee" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_company_employee_customer_id_unique" ON "company_employee" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_company_employee_company_id_role" ON "company_employee" ("company_id", "role") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "company_invite" ("id" text not null, "email" text not null, "role" text check ("role" in ('admin', 'approver', 'buyer')) not null, "spending_limit" numeric null, "spending_period" text check ("spending_period" in ('order', 'week', 'month')) null, "token_hash" text not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "invited_by" text null, "company_id" text not null, "raw_spending_limit" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "company_invite_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_company_invite_company_id" ON "company_invite" ("company_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_company_invite_deleted_at" ON "company_invite" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_company_invite_token_hash_unique" ON "company_invite" ("token_hash") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "company_employee" add constraint "company_employee_company_id_foreign" foreign key ("company_id") references "company" ("id") on update cascade on delete cascade;`
    )

    this.addSql(
      `alter table if exists "company_invite" add constraint "company_invite_company_id_foreign" foreign key ("company_id") references "company" ("id") on update cascade on delete cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "company_employee" drop constraint if exists "company_employee_company_id_foreign";`)

    this.addSql(`alter table if exists "company_invite" drop constraint if exists "company_invite_company_id_foreign";`)

    this.addSql(`drop table if exists "company" cascade;`)

    this.addSql(`drop table if exists "company_employee" cascade;`)

    this.addSql(`drop table if exists "company_invite" cascade;`)
  }
}
