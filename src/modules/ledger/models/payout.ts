import { model } from "@medusajs/framework/utils"

export const PAYOUT_STATUSES = ["pending", "processing", "paid", "failed"] as const
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number]

/**
 * Money paid out to a vendor: pending (created and debited) → processing
 * (handed to the provider) → paid | failed. A payout lives in the ledger
 * module because its creation and its ledger debit must be one database
 * transaction (see docs/decisions.md). `attempt` counts provider attempts;
 * the provider's idempotency key is derived from (id, attempt), so a
 * resumed attempt never pays twice and a retried failure is a new attempt.
 */
export const Payout = model
  .define("payout", {
    id: model.id({ prefix: "pout" }).primaryKey(),
    vendor_id: model.text(),
    run_id: model.text().nullable(),
    currency_code: model.text(),
    amount: model.bigNumber(),
    status: model.enum([...PAYOUT_STATUSES]).default("pending"),
    provider: model.text(),
    payout_account_id: model.text(),
    reference: model.text().nullable(),
    attempt: model.number().default(1),
    attempted_at: model.dateTime().nullable(),
    paid_at: model.dateTime().nullable(),
    failed_at: model.dateTime().nullable(),
    failure_code: model.text().nullable(),
    failure_reason: model.text().nullable(),
    /** The last ambiguous provider error (timeout, 5xx): the attempt is resumed with the same key. */
    last_error: model.text().nullable(),
    created_by: model.text().nullable(),
    /**
     * Where this payout goes, copied from the vendor's payout account when
     * the payout is created ({payout_account_id, provider, external_id,
     * details}); sending, retrying and showing the payout use this copy, so a
     * later change of the account never redirects it.
     */
    destination: model.json().nullable(),
    items: model.hasMany(() => PayoutItem, { mappedBy: "payout" }),
  })
  .indexes([
    { on: ["vendor_id", "currency_code", "created_at"] },
    { on: ["status"] },
    // One payout per vendor and currency in a run, even if a run step is retried.
    { on: ["run_id", "vendor_id", "currency_code"], unique: true, where: "run_id IS NOT NULL" },
    { on: ["reference"] },
  ])

/** A ledger row that a payout covers: the payout's amount is their exact sum. */
export const PayoutItem = model
  .define("payout_item", {
    id: model.id({ prefix: "poutitm" }).primaryKey(),
    transaction_id: model.text(),
    payout: model.belongsTo(() => Payout, { mappedBy: "items" }),
  })
  .indexes([{ on: ["transaction_id"] }])
