import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { acceptCompanyInviteWorkflow } from "../../../../../workflows/company/workflows/accept-company-invite"
import { customerId } from "../../../scope"
import { employeeView, readCompany } from "../../helpers"
import type { StoreAcceptCompanyInviteType } from "../../validators"

/**
 * POST /store/companies/invites/accept {token}: the signed-in customer whose
 * e-mail was invited joins the company. Unknown token 404; used, expired,
 * another e-mail or a customer already in a company 400.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreAcceptCompanyInviteType>, res: MedusaResponse) {
  const { result } = await acceptCompanyInviteWorkflow(req.scope).run({
    input: { token: req.validatedBody.token, customer_id: customerId(req) },
  })
  res.json({
    company: await readCompany(req.scope, result.company.id),
    employee: employeeView(result.employee as unknown as Record<string, unknown>),
  })
}
