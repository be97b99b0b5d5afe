import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import { companyView } from "../../store/companies/helpers"
import type { AdminListCompaniesType } from "./validators"

/** GET /admin/companies: filter by status, search by name or e-mail, paged. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { offset, limit, q, status, order } = req.validatedQuery as AdminListCompaniesType
  const service: CompanyModuleService = req.scope.resolve(COMPANY_MODULE)
  const filters: Record<string, unknown> = {}
  if (status) filters.status = Array.isArray(status) ? status : [status]
  if (q) filters.$or = [{ name: { $ilike: `%${q}%` } }, { email: { $ilike: `%${q}%` } }]
  const field = order.replace(/^-/, "")
  const [companies, count] = await service.listAndCountCompanies(filters, {
    skip: offset,
    take: limit,
    order: { [field]: order.startsWith("-") ? "DESC" : "ASC", id: "ASC" },
  })
  res.json({ companies: companies.map((c) => companyView(c as unknown as Record<string, unknown>)), count, offset, limit })
}
