import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COMPANY_MODULE } from "../../../../../modules/company"
import type CompanyModuleService from "../../../../../modules/company/service"
import { requestCartApprovalWorkflow } from "../../../../../workflows/company/workflows/request-cart-approval"
import { customerId, customerParam } from "../../../scope"
import { approvalView } from "../../../companies/helpers"

/**
 * POST /store/carts/:id/approvals: the cart's customer, an employee, asks the
 * company's approvers to approve the cart as it is now (above the company's
 * threshold). While pending, the cart cannot be changed; once approved it can
 * be completed as long as it stays the same.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await requestCartApprovalWorkflow(req.scope).run({
    input: { cart_id: customerParam(req, "id"), customer_id: customerId(req) },
  })
  res.json({ approval: approvalView(result as unknown as Record<string, unknown>) })
}

/** GET /store/carts/:id/approvals: the cart's approvals, newest first, so the buyer sees where the request stands. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const companies: CompanyModuleService = req.scope.resolve(COMPANY_MODULE)
  const approvals = await companies.listCompanyApprovals(
    { cart_id: customerParam(req, "id"), requester_customer_id: customerId(req) },
    { order: { created_at: "DESC", id: "DESC" }, take: 50 }
  )
  res.json({ approvals: approvals.map((a) => approvalView(a as unknown as Record<string, unknown>)) })
}
