import { cancelVendorOrderWorkflow } from "../../../../../workflows/vendor-order/workflows/cancel-vendor-order"
import { vendorActor, vendorOrderAction } from "../../helpers"
import type { VendorCancelOrderType } from "../../validators"
import { scopedParam } from "../../../scope"
import { auditContext } from "../../../../utils/audit"

/** POST /vendor/orders/:id/cancel {reason?}: pending|accepted (nothing fulfilled) → canceled, with a refund. */
export const POST = vendorOrderAction<VendorCancelOrderType>((req) =>
  cancelVendorOrderWorkflow(req.scope).run({
    input: {
      vendor_order_id: scopedParam(req, "id"),
      actor: vendorActor(req),
      reason: req.validatedBody?.reason ?? null,
      audit: auditContext(req),
    },
  })
)
