import { markVendorFulfillmentDeliveredWorkflow } from "../../../../../../../workflows/vendor-order/workflows/mark-vendor-fulfillment-delivered"
import { vendorActor, vendorOrderAction } from "../../../../helpers"
import { scopedParam } from "../../../../../scope"

/** POST /vendor/orders/:id/fulfillments/:fulfillment_id/mark-as-delivered. */
export const POST = vendorOrderAction((req) =>
  markVendorFulfillmentDeliveredWorkflow(req.scope).run({
    input: { vendor_order_id: scopedParam(req, "id"), fulfillment_id: scopedParam(req, "fulfillment_id"), actor: vendorActor(req) },
  })
)
