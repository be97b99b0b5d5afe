import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumber, MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"

/** 400 unless `amount` is at most what is left to refund on the vendor order (total − refunded). */
export const checkRefundableStep = createStep(
  "check-refundable",
  async (input: { vendor_order_id: string; amount: BigNumberInput }, { container }) => {
    const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
    const vo: any = await vendors.retrieveVendorOrder(input.vendor_order_id)
    const left = new BigNumber(MathBN.sub(vo.raw_total ?? vo.total, vo.raw_refunded_total ?? vo.refunded_total))
    if (MathBN.gt(input.amount, left)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Cannot refund ${new BigNumber(input.amount).numeric}: only ${left.numeric} of this vendor order is left to refund.`
      )
    }
    return new StepResponse({ order_id: vo.order_id as string })
  }
)
