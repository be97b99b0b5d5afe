import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261201172036 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "commission_rule" add column if not exists "overrides_vendor_floor" boolean not null default false;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "commission_rule" drop column if exists "overrides_vendor_floor";`)
  }
}
