import { z } from "@medusajs/framework/zod"
import { moneyAmount } from "../../../utils/money-input"
import { VendorListOrders } from "../../vendor/orders/validators"

/** The vendor's list, plus the operator's filters across vendors and master orders. */
export const AdminListVendorOrders = VendorListOrders.extend({
  vendor_id: z.union([z.string(), z.array(z.string())]).optional(),
  order_id: z.union([z.string(), z.array(z.string())]).optional(),
})
export type AdminListVendorOrdersType = z.infer<typeof AdminListVendorOrders>

// The vendor order's currency is checked in the route (decimals).
export const AdminCreateVendorOrderRefund = z.object({ amount: moneyAmount("positive"), note: z.string().trim().min(3).max(1000) }).strict()
export type AdminCreateVendorOrderRefundType = z.infer<typeof AdminCreateVendorOrderRefund>
