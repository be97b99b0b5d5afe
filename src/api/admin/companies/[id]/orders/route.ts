import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readCompany } from "../../../../store/companies/helpers"
import { companyOrdersPage } from "../../helpers"
import type { AdminListCompanyOrdersType } from "../../validators"

/**
 * GET /admin/companies/:id/orders: every order the company's employees
 * placed, newest first and paged (the detail carries only the newest few),
 * each with its total, refunds and net, and the employee who placed it.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListCompanyOrdersType>, res: MedusaResponse) {
  await readCompany(req.scope, req.params.id)
  const { offset, limit } = req.validatedQuery
  const { orders, count } = await companyOrdersPage(req.scope, { company_id: req.params.id }, { offset, limit })
  res.json({ orders, count, offset, limit })
}
