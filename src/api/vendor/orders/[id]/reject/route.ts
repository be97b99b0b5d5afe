import { rejectVendorOrderWorkflow } from "../../../../../workflows/vendor-order/workflows/reject-vendor-order"
import { vendorActor, vendorOrderAction } from "../../helpers"
import type { VendorRejectOrderType } from "../../validators"
import { scopedParam } from "../../../scope"
import { auditContext } from "../../../../utils/audit"

/** POST /vendor/orders/:id/reject {reason}: pending → rejected; the vendor's items leave the order and are refunded. */
export const POST = vendorOrderAction<VendorRejectOrderType>((req) =>
  rejectVendorOrderWorkflow(req.scope).run({
    input: { vendor_order_id: scopedParam(req, "id"), actor: vendorActor(req), reason: req.validatedBody.reason, audit: auditContext(req) },
  })
)
