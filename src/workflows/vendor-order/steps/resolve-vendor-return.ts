import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumber, ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { rawAmount } from "../../../lib/money"
import { stateConflict } from "../../../lib/errors/state-conflict"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { VENDOR_ORDER_RETURNABLE } from "../../../modules/vendor/vendor-order-status"

/**
 * Checks a vendor's return before anything is written: the items must be
 * the vendor's (400), fulfilled and not yet returned in that quantity (400),
 * and the vendor order must have shipped goods (409). The refund is each
 * returned unit's share of its line's total (discount and tax included),
 * exact: total × returned ÷ quantity.
 */
export const resolveVendorReturnStep = createStep(
  "resolve-vendor-return",
  async (input: { vendor_order_id: string; items: { id: string; quantity: number }[] }, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const vo = await service.retrieveVendorOrder(input.vendor_order_id, { relations: ["items"] })
    if (!VENDOR_ORDER_RETURNABLE.includes(vo.status)) throw stateConflict(`Cannot receive a return on a vendor order that is ${vo.status}.`)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [{ data: orders }, { data: vendors }] = await Promise.all([
      query.graph({
        entity: "order",
        fields: [
          "items.id",
          "items.detail.fulfilled_quantity",
          "items.detail.return_requested_quantity",
          "items.detail.return_received_quantity",
        ],
        filters: { id: vo.order_id },
      }),
      query.graph({ entity: "vendor", fields: ["stock_locations.id", "shipping_profile.id"], filters: { id: vo.vendor_id } }),
    ])
    const detail = new Map<string, any>((orders[0]?.items ?? []).map((i: any) => [i.id, i.detail ?? {}] as [string, any]))
    let amount: any = MathBN.convert(0)
    for (const req of input.items) {
      const line = vo.items.find((i) => i.line_item_id === req.id)
      if (!line) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Item ${req.id} is not part of this vendor order.`)
      const d = detail.get(req.id) ?? {}
      const left = MathBN.sub(MathBN.sub(d.fulfilled_quantity ?? 0, d.return_received_quantity ?? 0), d.return_requested_quantity ?? 0)
      if (MathBN.gt(req.quantity, left)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Item ${req.id}: ${req.quantity} to return, but only ${new BigNumber(left).numeric} fulfilled and not yet returned.`
        )
      }
      amount = MathBN.add(amount, MathBN.div(MathBN.mult(rawAmount(line, "total"), req.quantity), rawAmount(line, "quantity")))
    }
    const vendor = vendors[0]
    // The vendor's return option (approval creates a free one); Medusa's
    // return needs it for the return fulfillment.
    const { data: options } = await query.graph({
      entity: "shipping_option",
      fields: ["id", "rules.attribute", "rules.value"],
      filters: { shipping_profile_id: vendor?.shipping_profile?.id },
    })
    const returnOption = options.find((o: any) => (o.rules ?? []).some((r: any) => r.attribute === "is_return" && r.value === "true"))
    if (!returnOption) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The vendor has no return shipping option.")
    return new StepResponse({
      order_id: vo.order_id,
      location_id: (vendor?.stock_locations?.[0]?.id ?? null) as string | null,
      return_option_id: returnOption.id as string,
      items: input.items,
      amount: new BigNumber(amount),
    })
  }
)
