import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { companyContext } from "../helpers"

/** GET /store/companies/me: the caller's company and their own employee record (404 when in no company). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { company, employee } = companyContext(req)
  res.json({
    company,
    employee: { id: employee.id, role: employee.role, spending_limit: employee.spending_limit, spending_period: employee.spending_period },
  })
}
