import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261201172007 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payout" add column if not exists "destination" jsonb null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "payout" drop column if exists "destination";`)
  }
}
