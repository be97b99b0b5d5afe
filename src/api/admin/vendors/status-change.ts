import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { VendorTransition } from "../../../modules/vendor/vendor-status"
import { changeVendorStatusWorkflow } from "../../../workflows/vendor/workflows/change-vendor-status"
import { retrieveVendorForAdmin, vendorDetailForAdmin } from "./helpers"
import type { AdminVendorStatusChangeType } from "./validators"
import { auditContext } from "../../utils/audit"

/** The handler behind approve, reject, suspend and reinstate. */
export function vendorStatusChangeHandler(action: VendorTransition) {
  return async (req: AuthenticatedMedusaRequest<AdminVendorStatusChangeType>, res: MedusaResponse) => {
    await retrieveVendorForAdmin(req.scope, req.params.id) // 404 first
    await changeVendorStatusWorkflow(req.scope).run({
      input: { vendor_id: req.params.id, action, reason: req.validatedBody?.reason, audit: auditContext(req) },
    })
    res.json({ vendor: await vendorDetailForAdmin(req.scope, req.params.id) })
  }
}
