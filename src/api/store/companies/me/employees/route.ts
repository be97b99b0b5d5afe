import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { companyContext, listEmployees } from "../../helpers"
import type { StoreListCompanyEmployeesType } from "../../validators"

/** GET /store/companies/me/employees (company admins): the company's employees with their name and e-mail. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { offset, limit } = req.validatedQuery as StoreListCompanyEmployeesType
  const { employees, count } = await listEmployees(req.scope, companyContext(req).company.id, { offset, limit })
  res.json({ employees, count, offset, limit })
}
