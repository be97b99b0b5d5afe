import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import VendorModule from "../modules/vendor"

// vendor_order.order: the master order. Read-only: the vendor order already
// stores order_id, so no link table is written at checkout.
export default defineLink({ linkable: VendorModule.linkable.vendorOrder, field: "order_id" }, OrderModule.linkable.order, {
  readOnly: true,
})
