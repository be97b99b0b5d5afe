import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { stateConflict } from "../../../lib/errors/state-conflict"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"

/**
 * One of the vendor order's fulfillments, for shipping or delivery. A
 * fulfillment that holds none of the vendor's items is 404 (another
 * vendor's does not exist for it); a canceled one, or one already in the
 * wanted state, is 409; delivery needs a shipped fulfillment.
 */
export const resolveVendorFulfillmentStep = createStep(
  "resolve-vendor-fulfillment",
  async (input: { vendor_order_id: string; fulfillment_id: string; for: "ship" | "deliver" }, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const vo = await service.retrieveVendorOrder(input.vendor_order_id, { relations: ["items"] })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "fulfillments.id",
        "fulfillments.shipped_at",
        "fulfillments.delivered_at",
        "fulfillments.canceled_at",
        "fulfillments.items.line_item_id",
        "fulfillments.items.quantity",
      ],
      filters: { id: vo.order_id },
    })
    const mine = new Set(vo.items.map((i) => i.line_item_id))
    const f = (data[0]?.fulfillments ?? []).find(
      (x) => x?.id === input.fulfillment_id && (x.items ?? []).some((i) => i?.line_item_id && mine.has(i.line_item_id))
    )
    if (!f) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Fulfillment with id: ${input.fulfillment_id} was not found`)
    if (f.canceled_at) throw stateConflict("The fulfillment is canceled.")
    if (input.for === "ship" && f.shipped_at) throw stateConflict("The fulfillment is already shipped.")
    if (input.for === "deliver" && !f.shipped_at) throw stateConflict("Ship the fulfillment before marking it delivered.")
    if (input.for === "deliver" && f.delivered_at) throw stateConflict("The fulfillment is already delivered.")
    return new StepResponse({
      order_id: vo.order_id,
      fulfillment_id: f.id as string,
      items: (f.items ?? []).map((i: any) => ({ id: i.line_item_id as string, quantity: i.quantity })),
    })
  }
)
