import { model } from "@medusajs/framework/utils"
import { VendorOrder } from "./vendor-order"

/** The status history of a vendor order: every transition, who made it and why. */
export const VendorOrderStatusChange = model.define("vendor_order_status_change", {
  id: model.id({ prefix: "vosc" }).primaryKey(),
  from_status: model.text().nullable(),
  to_status: model.text(),
  actor_type: model.enum(["vendor", "user", "customer", "system"]),
  actor_id: model.text().nullable(),
  reason: model.text().nullable(),
  vendor_order: model.belongsTo(() => VendorOrder, { mappedBy: "status_history" }),
})
