import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261127140619 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "vendor_member" drop constraint if exists "vendor_member_vendor_id_email_unique";`)
    this.addSql(`alter table if exists "vendor_invite" drop constraint if exists "vendor_invite_token_hash_unique";`)
    this.addSql(`alter table if exists "vendor" drop constraint if exists "vendor_handle_unique";`)
    this.addSql(
      `create table if not exists "vendor" ("id" text not null, "handle" text not null, "name" text not null, "legal_name" text null, "tax_id" text null, "registration_number" text null, "email" text not null, "phone" text null, "address" jsonb null, "logo_url" text null, "description" text null, "default_currency_code" text not null default 'eur', "status" text check ("status" in ('pending', 'active', 'rejected', 'suspended')) not null default 'pending', "status_reason" text null, "approved_at" timestamptz null, "rejected_at" timestamptz null, "suspended_at" timestamptz null, "reinstated_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "vendor_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vendor_deleted_at" ON "vendor" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_vendor_handle_unique" ON "vendor" ("handle") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vendor_status" ON "vendor" ("status") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "vendor_invite" ("id" text not null, "email" text not null, "role" text check ("role" in ('owner', 'admin', 'catalog', 'orders', 'finance')) not null, "token_hash" text not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "invited_by_member_id" text null, "vendor_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "vendor_invite_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vendor_invite_vendor_id" ON "vendor_invite" ("vendor_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vendor_invite_deleted_at" ON "vendor_invite" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_vendor_invite_token_hash_unique" ON "vendor_invite" ("token_hash") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "vendor_member" ("id" text not null, "email" text not null, "first_name" text null, "last_name" text null, "role" text check ("role" in ('owner', 'admin', 'catalog', 'orders', 'finance')) not null, "vendor_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "vendor_member_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vendor_member_vendor_id" ON "vendor_member" ("vendor_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vendor_member_deleted_at" ON "vendor_member" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_vendor_member_vendor_id_email_unique" ON "vendor_member" ("vendor_id", "email") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "vendor_invite" add constraint "vendor_invite_vendor_id_foreign" foreign key ("vendor_id") references "vendor" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "vendor_member" add constraint "vendor_member_vendor_id_foreign" foreign key ("vendor_id") references "vendor" ("id") on update cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "vendor_invite" drop constraint if exists "vendor_invite_vendor_id_foreign";`)

    this.addSql(`alter table if exists "vendor_member" drop constraint if exists "vendor_member_vendor_id_foreign";`)

    this.addSql(`drop table if exists "vendor" cascade;`)

    this.addSql(`drop table if exists "vendor_invite" cascade;`)

    this.addSql(`drop table if exists "vendor_member" cascade;`)
  }
}
