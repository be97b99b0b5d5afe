import { model } from "@medusajs/framework/utils"
import { VendorQuote } from "./vendor-quote"

export const QUOTE_STATUSES = ["requested", "accepted", "ordered"] as const
export type QuoteStatus = (typeof QUOTE_STATUSES)[number]

/**
 * A buyer's request for quote on one cart: one vendor quote per vendor in
 * the cart (the checkout split's grouping). `requested` until the buyer
 * accepts (the quoted prices go into the cart), `ordered` once that cart is
 * completed. items_fingerprint is the cart's lines (id, variant, quantity)
 * when asked: accepting a cart changed since is refused. accepted_fingerprint
 * is the lines with their quoted prices: the checkout refuses a cart that no
 * longer matches it.
 */
export const Quote = model
  .define("quote", {
    id: model.id({ prefix: "quo" }).primaryKey(),
    cart_id: model.text(),
    customer_id: model.text(),
    company_id: model.text().nullable(),
    currency_code: model.text(),
    status: model.enum([...QUOTE_STATUSES]).default("requested"),
    message: model.text().nullable(),
    items_fingerprint: model.text(),
    accepted_fingerprint: model.text().nullable(),
    accepted_at: model.dateTime().nullable(),
    order_id: model.text().nullable(),
    ordered_at: model.dateTime().nullable(),
    vendor_quotes: model.hasMany(() => VendorQuote, { mappedBy: "quote" }),
  })
  .cascades({ delete: ["vendor_quotes"] })
  .indexes([
    { on: ["customer_id", "created_at"], where: "deleted_at IS NULL" },
    { on: ["cart_id"], where: "deleted_at IS NULL" },
    // One live (requested or accepted) quote per cart: a second request for the same cart is 409.
    { name: "IDX_quote_live_cart", on: ["cart_id"], unique: true, where: "deleted_at IS NULL AND status IN ('requested', 'accepted')" },
  ])
