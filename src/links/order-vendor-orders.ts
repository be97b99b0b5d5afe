import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import VendorModule from "../modules/vendor"

// order.vendor_orders: the inverse of vendor-order-order, for the admin's
// order page and for query.graph from an order.
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id" },
  { ...VendorModule.linkable.vendorOrder.id, primaryKey: "order_id", isList: true },
  { readOnly: true }
)
