import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IOrderModuleService } from "@medusajs/framework/types"
import { decorateCartTotals, MedusaError, Modules } from "@medusajs/framework/utils"
import { SPLIT_ORDER_FIELDS, SPLIT_ORDER_RELATIONS, splitOrderByVendor, type SplittableOrder } from "../utils/split-order"
import { lookupVendors, type VendorLookups } from "../utils/vendor-lookups"

/**
 * Reads the master order with Medusa's computed line totals and works out
 * each vendor's part. Vendor lookups made earlier (from the cart) are used
 * when given; whatever they miss is looked up here. Read-only.
 */
export const computeVendorSplitStep = createStep(
  "compute-vendor-split",
  async (input: { order_id: string; lookups?: VendorLookups }, { container }) => {
    const orders: IOrderModuleService = container.resolve(Modules.ORDER)
    // Items and shipping methods in two reads side by side: asked for in one
    // read, the order module joins both relations (with their tax lines and
    // adjustments) into one row set whose size is their product; a 20-vendor
    // order took 130–160 ms that way and 27 ms this way (bench/RESULTS.md).
    // The order module directly rather than query.graph: only order fields are
    // read, and skipping Query's planning saves ~2 ms of CPU per checkout.
    const [[raw], [shipping]] = await Promise.all([
      orders.listOrders({ id: input.order_id }, { select: SPLIT_ORDER_FIELDS.order, relations: SPLIT_ORDER_RELATIONS.order }),
      orders.listOrders({ id: input.order_id }, { select: SPLIT_ORDER_FIELDS.shipping, relations: SPLIT_ORDER_RELATIONS.shipping }),
    ])
    if (!raw || !shipping) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${input.order_id} was not found`)

    // Medusa's own line totals (subtotal, discount, tax, total per line).
    // OrderDTO's lines are decorateCartTotals' cart-like input in all but type.
    // eslint-disable-next-line no-restricted-syntax -- see above; Medusa's OrderDTO and CartLikeDTO types do not meet
    const cartLike = { ...raw, shipping_methods: shipping.shipping_methods ?? [], credit_lines: [] } as any
    // eslint-disable-next-line no-restricted-syntax -- decorateCartTotals returns CartLikeWithTotals, which leaves out the lines it decorates
    const order: SplittableOrder = decorateCartTotals(cartLike) as any

    const known: VendorLookups = input.lookups ?? { products: {}, shipping_options: {} }
    const productIds = [
      ...new Set<string>(order.items.flatMap((i) => (i.product_id && !known.products[i.product_id] ? [i.product_id] : []))),
    ]
    const optionIds = [
      ...new Set<string>(
        order.shipping_methods.flatMap((m) =>
          m.shipping_option_id && !known.shipping_options[m.shipping_option_id] ? [m.shipping_option_id] : []
        )
      ),
    ]
    const found = productIds.length || optionIds.length ? await lookupVendors(container, productIds, optionIds) : null
    const products = new Map(Object.entries({ ...known.products, ...found?.products }))
    const options = new Map(Object.entries({ ...known.shipping_options, ...found?.shipping_options }))
    return new StepResponse(splitOrderByVendor(order, products, options))
  }
)
