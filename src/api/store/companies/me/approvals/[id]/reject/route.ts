import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideCartApprovalWorkflow } from "../../../../../../../workflows/company/workflows/decide-cart-approval"
import { customerParam } from "../../../../../scope"
import { approvalView, companyContext } from "../../../../helpers"
import type { StoreDecideApprovalType } from "../../../../validators"

/**
 * POST /store/companies/me/approvals/:id/reject (approvers and admins, not on
 * their own cart): the approval becomes rejected, with the note, and the
 * requester is e-mailed.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreDecideApprovalType>, res: MedusaResponse) {
  const { company, employee } = companyContext(req)
  const { result } = await decideCartApprovalWorkflow(req.scope).run({
    input: {
      approval_id: customerParam(req, "id"),
      company_id: company.id,
      employee_id: employee.id,
      decision: "rejected",
      note: req.validatedBody.note ?? null,
    },
  })
  res.json({ approval: approvalView(result as unknown as Record<string, unknown>) })
}
