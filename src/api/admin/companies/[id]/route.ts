import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateCompanyWorkflow } from "../../../../workflows/company/workflows/update-company"
import { listEmployees, readCompany } from "../../../store/companies/helpers"
import type { AdminUpdateCompanyType } from "../validators"

/** The operator's detail: the company with all its employees (name and e-mail of each). */
async function companyDetail(req: AuthenticatedMedusaRequest, id: string) {
  const company = await readCompany(req.scope, id)
  const { employees } = await listEmployees(req.scope, id)
  return { ...company, employees }
}

/** GET /admin/companies/:id */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ company: await companyDetail(req, req.params.id) })
}

/** POST /admin/companies/:id {status?, payment_terms?, credit_limit?}: the operator's settings. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateCompanyType>, res: MedusaResponse) {
  await readCompany(req.scope, req.params.id)
  await updateCompanyWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ company: await companyDetail(req, req.params.id) })
}
