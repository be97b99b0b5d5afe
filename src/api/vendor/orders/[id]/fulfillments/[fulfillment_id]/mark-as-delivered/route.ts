import { markVendorFulfillmentDeliveredWorkflow } from "../../../../../../../workflows/vendor-order/workflows/mark-vendor-fulfillment-delivered"
import { vendorActor, vendorOrderAction } from "../../../../helpers"

/** POST /vendor/orders/:id/fulfillments/:fulfillment_id/mark-as-delivered. */
export const POST = vendorOrderAction((req) =>
  markVendorFulfillmentDeliveredWorkflow(req.scope).run({
    input: { vendor_order_id: req.params.id, fulfillment_id: req.params.fulfillment_id, actor: vendorActor(req) },
  })
)
