import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideApproval } from "../../../../helpers"
import type { StoreDecideApprovalType } from "../../../../validators"

/**
 * POST /store/companies/me/approvals/:id/approve (approvers and admins, not on
 * their own cart): the approval becomes approved, with the note, and the
 * requester is e-mailed. A cart that changed since the request voids it
 * instead (409).
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreDecideApprovalType>, res: MedusaResponse) {
  await decideApproval(req, res, "approved")
}
