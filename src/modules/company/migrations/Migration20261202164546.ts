import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261202164546 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "company_order" add column if not exists "payment_terms" text null, add column if not exists "payment_due_at" timestamptz null, add column if not exists "invoice_status" text check ("invoice_status" in ('open', 'paid', 'void')) null, add column if not exists "amount_due" numeric null, add column if not exists "amount_credited" numeric null, add column if not exists "paid_at" timestamptz null, add column if not exists "payment_reference" text null, add column if not exists "reminded_at" timestamptz null, add column if not exists "raw_amount_due" jsonb null, add column if not exists "raw_amount_credited" jsonb null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_company_order_invoice_status_payment_due_at" ON "company_order" ("invoice_status", "payment_due_at") WHERE deleted_at IS NULL AND invoice_status IS NOT NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_company_order_invoice_status_payment_due_at";`)
    this.addSql(
      `alter table if exists "company_order" drop column if exists "payment_terms", drop column if exists "payment_due_at", drop column if exists "invoice_status", drop column if exists "amount_due", drop column if exists "amount_credited", drop column if exists "paid_at", drop column if exists "payment_reference", drop column if exists "reminded_at", drop column if exists "raw_amount_due", drop column if exists "raw_amount_credited";`
    )
  }
}
