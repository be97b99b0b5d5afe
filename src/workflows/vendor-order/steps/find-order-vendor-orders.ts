import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"

/**
 * The vendor orders an order already has (vendor and customer of each): one
 * indexed read, so a split that already ran (the storefront checkout splits
 * in its own request) is not computed again from the order. Read-only.
 */
export const findOrderVendorOrdersStep = createStep("find-order-vendor-orders", async (input: { order_id: string }, { container }) => {
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const rows = await vendors.listVendorOrders({ order_id: input.order_id }, { select: ["id", "vendor_id", "customer_id"] })
  return new StepResponse(
    rows.map((r) => ({ id: r.id, vendor_id: r.vendor_id as string, customer_id: (r.customer_id as string | null) ?? null }))
  )
})
