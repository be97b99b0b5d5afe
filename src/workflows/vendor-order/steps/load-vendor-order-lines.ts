import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumber, ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { rawAmount } from "../../../lib/money"
import { stateConflict } from "../../../lib/errors/state-conflict"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"

/**
 * The vendor order's lines in the master order and what is left to refund.
 * With `require_unfulfilled`, a vendor order with any fulfilled item is a
 * 409: its fulfillments must be canceled first (Medusa keeps shipped goods
 * on the order).
 */
export const loadVendorOrderLinesStep = createStep(
  "load-vendor-order-lines",
  async (input: { vendor_order_id: string; require_unfulfilled?: boolean }, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const vo = await service.retrieveVendorOrder(input.vendor_order_id, { relations: ["items", "shipping_methods"] })
    if (input.require_unfulfilled) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: ["items.id", "items.detail.fulfilled_quantity"],
        filters: { id: vo.order_id },
      })
      const ids = new Set(vo.items.map((i) => i.line_item_id))
      const fulfilled = (data[0]?.items ?? []).some((i: any) => ids.has(i.id) && MathBN.gt(i.detail?.fulfilled_quantity ?? 0, 0))
      if (fulfilled) throw stateConflict("Cannot cancel a vendor order with fulfilled items; cancel its fulfillments first.")
    }
    return new StepResponse({
      id: vo.id,
      vendor_id: vo.vendor_id,
      order_id: vo.order_id,
      line_item_ids: vo.items.map((i) => i.line_item_id),
      shipping_method_ids: vo.shipping_methods.map((m) => m.shipping_method_id),
      refundable: new BigNumber(MathBN.sub(rawAmount(vo, "total"), rawAmount(vo, "refunded_total"))),
    })
  }
)
