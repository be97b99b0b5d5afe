import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** A vendor member's own phone number (E.164, unverified): SMS by preference and SMS sign-in codes (issue 16). */
export class Migration20261202060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "vendor_member" add column if not exists "phone" text null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "vendor_member" drop column if exists "phone";`)
  }
}
