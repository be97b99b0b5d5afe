import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261201170752 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "audit_entry" ("id" text not null, "actor_type" text check ("actor_type" in ('user', 'vendor_member', 'system', 'customer')) not null, "actor_id" text null, "vendor_id" text null, "action" text not null, "target_type" text not null, "target_id" text null, "before" jsonb null, "after" jsonb null, "request_id" text null, "ip" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "audit_entry_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_deleted_at" ON "audit_entry" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_entry_created_at" ON "audit_entry" ("created_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_audit_entry_vendor_id_created_at" ON "audit_entry" ("vendor_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_audit_entry_actor_type_actor_id_created_at" ON "audit_entry" ("actor_type", "actor_id", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_audit_entry_action_created_at" ON "audit_entry" ("action", "created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_audit_entry_target_type_target_id" ON "audit_entry" ("target_type", "target_id") WHERE deleted_at IS NULL;`
    )
    // The audit trail is append-only, in the database too (like the
    // ledger): any UPDATE or DELETE of an entry raises. (TRUNCATE is left to
    // operators and test teardown.)
    this.addSql(`create or replace function lilium_audit_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit entries are append-only: % on % is not allowed', tg_op, tg_table_name;
      end $$;`)
    this.addSql(`drop trigger if exists audit_entry_append_only on "audit_entry";`)
    this.addSql(
      `create trigger audit_entry_append_only before update or delete on "audit_entry" for each row execute function lilium_audit_append_only();`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists audit_entry_append_only on "audit_entry";`)
    this.addSql(`drop function if exists lilium_audit_append_only();`)
    this.addSql(`drop table if exists "audit_entry" cascade;`)
  }
}
