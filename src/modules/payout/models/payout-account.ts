import { model } from "@medusajs/framework/utils"

export const PAYOUT_ACCOUNT_STATUSES = ["pending", "active", "restricted", "disabled"] as const
export type PayoutAccountStatus = (typeof PAYOUT_ACCOUNT_STATUSES)[number]

/**
 * Where a vendor is paid, per provider: a Stripe Express account
 * (external_id = acct_…, status synced from `account.updated`) or bank
 * details for manual payouts. A vendor has at most one account per
 * provider; `is_default` marks the one payout runs use.
 *
 * `active_from`: a changed destination receives payouts only from then on
 * (MARKETPLACE_PAYOUT_ACCOUNT_HOLD_HOURS after the change; null for the
 * first account a vendor sets up). `changed_at`/`changed_by`: when and by
 * which member the destination was last changed.
 */
export const PayoutAccount = model
  .define("payout_account", {
    id: model.id({ prefix: "poacc" }).primaryKey(),
    vendor_id: model.text(),
    provider: model.text(),
    status: model.enum([...PAYOUT_ACCOUNT_STATUSES]).default("pending"),
    is_default: model.boolean().default(true),
    external_id: model.text().nullable(),
    /** Provider data: bank details (manual), or the account's requirements (Stripe). */
    data: model.json().nullable(),
    status_reason: model.text().nullable(),
    /** The provider's timestamp of the state we hold, so older webhooks never win. */
    synced_at: model.dateTime().nullable(),
    active_from: model.dateTime().nullable(),
    changed_at: model.dateTime().nullable(),
    changed_by: model.text().nullable(),
  })
  .indexes([{ on: ["vendor_id", "provider"], unique: true }, { on: ["external_id"] }])
