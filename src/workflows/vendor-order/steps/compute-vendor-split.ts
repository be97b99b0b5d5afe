import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import VendorProductLink from "../../../links/vendor-product"
import VendorShippingProfileLink from "../../../links/vendor-shipping-profile"
import { SPLIT_ORDER_FIELDS, splitOrderByVendor } from "../utils/split-order"

/**
 * Reads the master order with Medusa's computed line totals and works out
 * each vendor's part. Read-only, so nothing to compensate.
 */
export const computeVendorSplitStep = createStep(
  "compute-vendor-split",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: SPLIT_ORDER_FIELDS,
      filters: { id: input.order_id },
    })
    const order = orders[0] as any
    if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${input.order_id} was not found`)

    const productIds = [...new Set<string>(order.items.map((i: any) => i.product_id).filter(Boolean))]
    const optionIds = [...new Set<string>(order.shipping_methods.map((m: any) => m.shipping_option_id).filter(Boolean))]
    const [products, options] = await Promise.all([
      productIds.length
        ? query.graph({ entity: VendorProductLink.entryPoint, fields: ["vendor_id", "product_id"], filters: { product_id: productIds } })
        : { data: [] },
      optionIds.length
        ? query.graph({ entity: "shipping_option", fields: ["id", "shipping_profile_id"], filters: { id: optionIds } })
        : { data: [] },
    ])
    const profileIds = [...new Set<string>(options.data.map((o: any) => o.shipping_profile_id))]
    const { data: profiles } = profileIds.length
      ? await query.graph({
          entity: VendorShippingProfileLink.entryPoint,
          fields: ["vendor_id", "shipping_profile_id"],
          filters: { shipping_profile_id: profileIds },
        })
      : { data: [] as any[] }
    const vendorOfProfile = new Map<string, string>(profiles.map((p: any) => [p.shipping_profile_id, p.vendor_id] as [string, string]))

    const vendorOfProduct = new Map<string, string>(products.data.map((p: any) => [p.product_id, p.vendor_id] as [string, string]))
    const vendorOfOption = new Map<string, string>()
    for (const o of options.data as any[]) {
      const vendorId = vendorOfProfile.get(o.shipping_profile_id)
      if (vendorId) vendorOfOption.set(o.id, vendorId)
    }
    return new StepResponse(splitOrderByVendor(order, vendorOfProduct, vendorOfOption))
  }
)
