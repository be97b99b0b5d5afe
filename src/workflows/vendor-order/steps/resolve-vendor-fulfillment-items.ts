import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumber, ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { stateConflict } from "../../../lib/errors/state-conflict"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"

export type ResolveVendorFulfillmentItemsInput = {
  vendor_order_id: string
  items?: { id: string; quantity: number }[]
}

/**
 * What a vendor fulfillment will hold: the requested items, or every item
 * still unfulfilled. Only an accepted vendor order can be fulfilled (409);
 * an item that is not the vendor's, or more than is left to fulfill, is a
 * 400 before anything is written. Returns the vendor's stock location and
 * shipping option too.
 */
export const resolveVendorFulfillmentItemsStep = createStep(
  "resolve-vendor-fulfillment-items",
  async (input: ResolveVendorFulfillmentItemsInput, { container }) => {
    const service: VendorModuleService = container.resolve(VENDOR_MODULE)
    const vo = await service.retrieveVendorOrder(input.vendor_order_id, { relations: ["items", "shipping_methods"] })
    if (vo.status !== "accepted") {
      throw stateConflict(
        vo.status === "pending" ? "Accept the vendor order before fulfilling it." : `Cannot fulfill a vendor order that is ${vo.status}.`
      )
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [{ data: orders }, { data: vendors }] = await Promise.all([
      query.graph({ entity: "order", fields: ["items.id", "items.detail.fulfilled_quantity"], filters: { id: vo.order_id } }),
      query.graph({ entity: "vendor", fields: ["stock_locations.id"], filters: { id: vo.vendor_id } }),
    ])
    const fulfilled = new Map<string, any>(
      (orders[0]?.items ?? []).map((i: any) => [i.id, i.detail?.fulfilled_quantity ?? 0] as [string, any])
    )
    const left = new Map<string, BigNumber>(
      vo.items.map(
        (i) => [i.line_item_id, new BigNumber(MathBN.sub(i.quantity, fulfilled.get(i.line_item_id) ?? 0))] as [string, BigNumber]
      )
    )
    const items = input.items?.length
      ? input.items.map((item) => {
          const remaining = left.get(item.id)
          if (!remaining) {
            throw new MedusaError(MedusaError.Types.INVALID_DATA, `Item ${item.id} is not part of this vendor order.`)
          }
          if (MathBN.gt(item.quantity, remaining)) {
            throw new MedusaError(
              MedusaError.Types.INVALID_DATA,
              `Item ${item.id}: ${item.quantity} requested, but only ${remaining.numeric} left to fulfill.`
            )
          }
          return { id: item.id, quantity: item.quantity }
        })
      : [...left.entries()].filter(([, q]) => MathBN.gt(q, 0)).map(([id, q]) => ({ id, quantity: q.numeric }))
    if (!items.length) throw stateConflict("Every item of this vendor order is already fulfilled.")
    const locationId = vendors[0]?.stock_locations?.[0]?.id
    if (!locationId) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The vendor has no stock location.")
    // The vendor's own shipping option: without it Medusa takes the order's
    // first shipping method, which may be another vendor's (wrong profile).
    const shippingOptionId = vo.shipping_methods.find((m) => m.shipping_option_id)?.shipping_option_id ?? undefined
    return new StepResponse({ order_id: vo.order_id, location_id: locationId as string, shipping_option_id: shippingOptionId, items })
  }
)
