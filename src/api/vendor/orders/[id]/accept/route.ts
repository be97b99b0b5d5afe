import { acceptVendorOrderWorkflow } from "../../../../../workflows/vendor-order/workflows/accept-vendor-order"
import { vendorActor, vendorOrderAction } from "../../helpers"

/** POST /vendor/orders/:id/accept: pending → accepted. */
export const POST = vendorOrderAction((req) =>
  acceptVendorOrderWorkflow(req.scope).run({ input: { vendor_order_id: req.params.id, actor: vendorActor(req) } })
)
