import { receiveVendorReturnWorkflow } from "../../../../../workflows/vendor-order/workflows/receive-vendor-return"
import { vendorActor, vendorOrderAction } from "../../helpers"
import type { VendorReceiveReturnType } from "../../validators"
import { scopedParam } from "../../../scope"
import { auditContext } from "../../../../utils/audit"

/**
 * POST /vendor/orders/:id/returns {items: [{id, quantity}], note?}: receives
 * a return of the vendor's own items at its location and refunds them.
 */
export const POST = vendorOrderAction<VendorReceiveReturnType>((req) =>
  receiveVendorReturnWorkflow(req.scope).run({
    input: {
      vendor_order_id: scopedParam(req, "id"),
      items: req.validatedBody.items,
      note: req.validatedBody.note,
      actor: vendorActor(req),
      audit: auditContext(req),
    },
  })
)
