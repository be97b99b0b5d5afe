import { model } from "@medusajs/framework/utils"
import { VendorQuote } from "./vendor-quote"

/**
 * A cart line as the buyer asked for it (list_unit_price is the cart's unit
 * price then) and the vendor's answer (unit_price, null until quoted).
 */
export const VendorQuoteItem = model
  .define("vendor_quote_item", {
    id: model.id({ prefix: "vqitem" }).primaryKey(),
    line_item_id: model.text(),
    variant_id: model.text().nullable(),
    product_id: model.text().nullable(),
    title: model.text(),
    variant_title: model.text().nullable(),
    sku: model.text().nullable(),
    quantity: model.number(),
    list_unit_price: model.bigNumber(),
    unit_price: model.bigNumber().nullable(),
    vendor_quote: model.belongsTo(() => VendorQuote, { mappedBy: "items" }),
  })
  .indexes([{ on: ["vendor_quote_id"], where: "deleted_at IS NULL" }])
