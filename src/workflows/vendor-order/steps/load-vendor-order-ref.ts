import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"

/** A vendor order's master order and vendor (404 when it does not exist): what a flow needs to take the payment lock. */
export const loadVendorOrderRefStep = createStep("load-vendor-order-ref", async (input: { vendor_order_id: string }, { container }) => {
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const vo = await vendors.retrieveVendorOrder(input.vendor_order_id, { select: ["id", "order_id", "vendor_id"] })
  return new StepResponse({ id: vo.id, order_id: vo.order_id as string, vendor_id: vo.vendor_id as string })
})
