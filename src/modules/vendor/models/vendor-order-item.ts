import { model } from "@medusajs/framework/utils"
import { VendorOrder } from "./vendor-order"

/** A snapshot of one of the master order's line items, with Medusa's totals for it. */
export const VendorOrderItem = model
  .define("vendor_order_item", {
    id: model.id({ prefix: "voitem" }).primaryKey(),
    line_item_id: model.text(),
    product_id: model.text().nullable(),
    variant_id: model.text().nullable(),
    title: model.text(),
    variant_title: model.text().nullable(),
    sku: model.text().nullable(),
    thumbnail: model.text().nullable(),
    quantity: model.bigNumber(),
    unit_price: model.bigNumber(),
    subtotal: model.bigNumber(),
    discount_total: model.bigNumber(),
    tax_total: model.bigNumber(),
    total: model.bigNumber(),
    vendor_order: model.belongsTo(() => VendorOrder, { mappedBy: "items" }),
  })
  .indexes([{ on: ["line_item_id"] }])
