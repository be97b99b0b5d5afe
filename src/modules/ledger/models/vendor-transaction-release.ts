import { model } from "@medusajs/framework/utils"

/**
 * When a transaction posted before delivery becomes available (delivery +
 * MARKETPLACE_PAYOUT_HOLD_DAYS). Append-only like the ledger itself, so
 * availability is recorded, never edited.
 */
export const VendorTransactionRelease = model
  .define("vendor_transaction_release", {
    id: model.id({ prefix: "vtxr" }).primaryKey(),
    transaction_id: model.text(),
    available_at: model.dateTime(),
  })
  .indexes([{ on: ["transaction_id"], unique: true }])
