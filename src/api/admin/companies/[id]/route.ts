import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { operatorUpdateCompanyWorkflow } from "../../../../workflows/company/workflows/operator-update-company"
import { readCompany } from "../../../store/companies/helpers"
import { auditContext } from "../../../utils/audit"
import { companyDetail } from "../helpers"
import type { AdminUpdateCompanyType } from "../validators"

/**
 * GET /admin/companies/:id: the company with its employees (customer name
 * and e-mail), order count, newest orders (each net of refunds) and spend
 * this month and all time (see companyDetail).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ company: await companyDetail(req.scope, req.params.id) })
}

/**
 * POST /admin/companies/:id {status?, payment_terms?, credit_limit?}: the
 * operator's settings; every change is in the audit trail (company.suspended,
 * company.reactivated or company.updated, with the fields before and after).
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateCompanyType>, res: MedusaResponse) {
  await readCompany(req.scope, req.params.id)
  await operatorUpdateCompanyWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody, audit: auditContext(req) },
  })
  res.json({ company: await companyDetail(req.scope, req.params.id) })
}
