import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideApproval } from "../../../../helpers"
import type { StoreDecideApprovalType } from "../../../../validators"

/**
 * POST /store/companies/me/approvals/:id/reject (approvers and admins, not on
 * their own cart): the approval becomes rejected, with the note, and the
 * requester is e-mailed.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreDecideApprovalType>, res: MedusaResponse) {
  await decideApproval(req, res, "rejected")
}
