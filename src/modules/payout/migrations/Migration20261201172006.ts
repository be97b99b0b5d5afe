import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261201172006 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "payout_account" add column if not exists "active_from" timestamptz null, add column if not exists "changed_at" timestamptz null, add column if not exists "changed_by" text null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "payout_account" drop column if exists "active_from", drop column if exists "changed_at", drop column if exists "changed_by";`
    )
  }
}
