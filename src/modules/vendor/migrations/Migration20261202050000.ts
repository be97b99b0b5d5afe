import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** A vendor owner can require 2FA for every member of the vendor (issue 16, item 4). */
export class Migration20261202050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "vendor" add column if not exists "require_member_mfa" boolean not null default false;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "vendor" drop column if exists "require_member_mfa";`)
  }
}
