import { model } from "@medusajs/framework/utils"

export const TRANSACTION_TYPES = ["sale", "commission", "refund", "commission_reversal", "adjustment", "payout", "payout_reversal"] as const
export type TransactionType = (typeof TRANSACTION_TYPES)[number]

/**
 * One append-only row of a vendor's ledger: a signed amount in the
 * currency's minor precision (sale +, commission −, refund −, reversal +,
 * payout −). The database refuses UPDATE and DELETE on this table (see the
 * migration). `available_at` is set when known at posting; rows posted
 * before delivery get it from a release row (vendor_transaction_release)
 * when the vendor order is delivered. `idempotency_key` makes every posting
 * safe to retry.
 */
export const VendorTransaction = model
  .define("vendor_transaction", {
    id: model.id({ prefix: "vtx" }).primaryKey(),
    vendor_id: model.text(),
    type: model.enum([...TRANSACTION_TYPES]),
    amount: model.bigNumber(),
    currency_code: model.text(),
    order_id: model.text().nullable(),
    vendor_order_id: model.text().nullable(),
    payout_id: model.text().nullable(),
    reference: model.text().nullable(),
    note: model.text().nullable(),
    created_by: model.text().nullable(),
    available_at: model.dateTime().nullable(),
    idempotency_key: model.text(),
  })
  .indexes([{ on: ["idempotency_key"], unique: true }, { on: ["vendor_id", "currency_code", "created_at"] }, { on: ["vendor_order_id"] }])
