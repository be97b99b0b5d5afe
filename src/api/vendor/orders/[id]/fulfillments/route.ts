import { createVendorFulfillmentWorkflow } from "../../../../../workflows/vendor-order/workflows/create-vendor-fulfillment"
import { vendorActor, vendorOrderAction } from "../../helpers"
import type { VendorCreateFulfillmentType } from "../../validators"

/**
 * POST /vendor/orders/:id/fulfillments {items?: [{id, quantity}]}: a Medusa
 * fulfillment at the vendor's location; items default to all unfulfilled.
 */
export const POST = vendorOrderAction<VendorCreateFulfillmentType>((req) =>
  createVendorFulfillmentWorkflow(req.scope).run({
    input: { vendor_order_id: req.params.id, items: req.validatedBody?.items, actor: vendorActor(req) },
  })
)
