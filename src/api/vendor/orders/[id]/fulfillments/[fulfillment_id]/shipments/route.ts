import { createVendorShipmentWorkflow } from "../../../../../../../workflows/vendor-order/workflows/create-vendor-shipment"
import { vendorActor, vendorOrderAction } from "../../../../helpers"
import type { VendorCreateShipmentType } from "../../../../validators"

/** POST /vendor/orders/:id/fulfillments/:fulfillment_id/shipments {labels?}: marks it shipped. */
export const POST = vendorOrderAction<VendorCreateShipmentType>((req) =>
  createVendorShipmentWorkflow(req.scope).run({
    input: {
      vendor_order_id: req.params.id,
      fulfillment_id: req.params.fulfillment_id,
      labels: req.validatedBody?.labels,
      actor: vendorActor(req),
    },
  })
)
