import { acceptVendorOrderWorkflow } from "../../../../../workflows/vendor-order/workflows/accept-vendor-order"
import { vendorActor, vendorOrderAction } from "../../helpers"
import { scopedParam } from "../../../scope"

/** POST /vendor/orders/:id/accept: pending → accepted. */
export const POST = vendorOrderAction((req) =>
  acceptVendorOrderWorkflow(req.scope).run({ input: { vendor_order_id: scopedParam(req, "id"), actor: vendorActor(req) } })
)
