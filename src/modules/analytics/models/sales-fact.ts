import { model } from "@medusajs/framework/utils"

/**
 * One row per vendor-order line (an item, or a shipping method): the sales
 * fact table that analytics read, so no request reads Medusa's order
 * tables. Rows are derived data: they are recomputed from the source
 * (vendor orders, the ledger, Medusa's order items) whenever a vendor order
 * changes, and `npm run analytics:rebuild` recreates them all.
 *
 * Amounts are integers in the currency's minor unit (cents): the line's
 * share of the vendor order's ledger amounts, allocated by largest
 * remainder, so they add up to the ledger exactly and sum fast.
 * `is_order_head` / `is_vendor_order_head` mark one line per order / per
 * vendor order, so counts are plain sums (and rollups can keep them).
 */
export const SalesFact = model
  .define("sales_fact", {
    id: model.id({ prefix: "sfact" }).primaryKey(),
    line_key: model.text(),
    line_type: model.enum(["item", "shipping"]),
    order_id: model.text(),
    vendor_order_id: model.text(),
    vendor_id: model.text(),
    product_id: model.text().nullable(),
    variant_id: model.text().nullable(),
    category_id: model.text().nullable(),
    collection_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    company_id: model.text().nullable(),
    currency_code: model.text(),
    vendor_order_status: model.text(),
    is_order_head: model.boolean().default(false),
    is_vendor_order_head: model.boolean().default(false),
    quantity: model.number().default(0),
    returned_quantity: model.number().default(0),
    /** Vendor-order level: some of its items came back. */
    has_return: model.boolean().default(false),
    total_minor: model.number().default(0),
    discount_minor: model.number().default(0),
    tax_minor: model.number().default(0),
    refunded_minor: model.number().default(0),
    commission_minor: model.number().default(0),
    placed_at: model.dateTime(),
    accepted_at: model.dateTime().nullable(),
    shipped_at: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    /** Rejected or canceled. */
    canceled_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["line_key"], unique: true },
    { on: ["vendor_order_id"] },
    { on: ["vendor_id", "currency_code", "placed_at"] },
    { on: ["currency_code", "placed_at"] },
  ])
