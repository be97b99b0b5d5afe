import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261202041123 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "notification_preference" drop constraint if exists "notification_preference_recipient_type_recipient_id_category_channel_unique";`
    )
    this.addSql(
      `create table if not exists "notification_preference" ("id" text not null, "recipient_type" text check ("recipient_type" in ('customer', 'vendor_member')) not null, "recipient_id" text not null, "category" text not null, "channel" text check ("channel" in ('email', 'sms')) not null, "enabled" boolean not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "notification_preference_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_notification_preference_deleted_at" ON "notification_preference" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notification_preference_recipient_type_recipient_id_category_channel_unique" ON "notification_preference" ("recipient_type", "recipient_id", "category", "channel") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_preference" cascade;`)
  }
}
