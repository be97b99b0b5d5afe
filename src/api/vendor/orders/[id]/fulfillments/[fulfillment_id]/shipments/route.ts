import { createVendorShipmentWorkflow } from "../../../../../../../workflows/vendor-order/workflows/create-vendor-shipment"
import { vendorActor, vendorOrderAction } from "../../../../helpers"
import type { VendorCreateShipmentType } from "../../../../validators"
import { scopedParam } from "../../../../../scope"

/** POST /vendor/orders/:id/fulfillments/:fulfillment_id/shipments {labels?}: marks it shipped. */
export const POST = vendorOrderAction<VendorCreateShipmentType>((req) =>
  createVendorShipmentWorkflow(req.scope).run({
    input: {
      vendor_order_id: scopedParam(req, "id"),
      fulfillment_id: scopedParam(req, "fulfillment_id"),
      labels: req.validatedBody?.labels,
      actor: vendorActor(req),
    },
  })
)
