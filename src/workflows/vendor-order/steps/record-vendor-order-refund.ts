import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumber, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"

/** Adds a refund to the vendor order's refunded_total; compensation takes it off again. */
export const recordVendorOrderRefundStep = createStep(
  "record-vendor-order-refund",
  async (input: { vendor_order_id: string; amount: BigNumberInput }, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const vo = await service.retrieveVendorOrder(input.vendor_order_id)
    const refunded = new BigNumber(MathBN.add((vo as any).raw_refunded_total ?? vo.refunded_total ?? 0, input.amount))
    await service.updateVendorOrders({ id: vo.id, refunded_total: refunded } as any)
    return new StepResponse(refunded, { id: vo.id, refunded_total: (vo as any).raw_refunded_total ?? vo.refunded_total })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    await service.updateVendorOrders({ id: previous.id, refunded_total: previous.refunded_total } as any)
  }
)
