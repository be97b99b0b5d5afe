import { model } from "@medusajs/framework/utils"
import { VendorOrder } from "./vendor-order"

/** A snapshot of one of the master order's shipping methods (the vendor's). */
export const VendorOrderShippingMethod = model.define("vendor_order_shipping_method", {
  id: model.id({ prefix: "vosm" }).primaryKey(),
  shipping_method_id: model.text(),
  shipping_option_id: model.text().nullable(),
  name: model.text(),
  amount: model.bigNumber(),
  subtotal: model.bigNumber(),
  discount_total: model.bigNumber(),
  tax_total: model.bigNumber(),
  total: model.bigNumber(),
  vendor_order: model.belongsTo(() => VendorOrder, { mappedBy: "shipping_methods" }),
})
