import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideCartApprovalWorkflow } from "../../../../../../../workflows/company/workflows/decide-cart-approval"
import { customerParam } from "../../../../../scope"
import { approvalView, companyContext } from "../../../../helpers"
import type { StoreDecideApprovalType } from "../../../../validators"

/**
 * POST /store/companies/me/approvals/:id/approve (approvers and admins, not on
 * their own cart): the approval becomes approved, with the note, and the
 * requester is e-mailed. A cart that changed since the request voids it
 * instead (409).
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreDecideApprovalType>, res: MedusaResponse) {
  const { company, employee } = companyContext(req)
  const { result } = await decideCartApprovalWorkflow(req.scope).run({
    input: {
      approval_id: customerParam(req, "id"),
      company_id: company.id,
      employee_id: employee.id,
      decision: "approved",
      note: req.validatedBody.note ?? null,
    },
  })
  res.json({ approval: approvalView(result as unknown as Record<string, unknown>) })
}
