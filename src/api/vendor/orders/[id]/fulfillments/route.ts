import { createVendorFulfillmentWorkflow } from "../../../../../workflows/vendor-order/workflows/create-vendor-fulfillment"
import { vendorActor, vendorOrderAction } from "../../helpers"
import type { VendorCreateFulfillmentType } from "../../validators"
import { scopedParam } from "../../../scope"

/**
 * POST /vendor/orders/:id/fulfillments {items?: [{id, quantity}]}: a Medusa
 * fulfillment at the vendor's location; items default to all unfulfilled.
 */
export const POST = vendorOrderAction<VendorCreateFulfillmentType>((req) =>
  createVendorFulfillmentWorkflow(req.scope).run({
    input: { vendor_order_id: scopedParam(req, "id"), items: req.validatedBody?.items, actor: vendorActor(req) },
  })
)
