import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { wholeCount } from "../../../lib/money"
import { companyListFilters, presentCompany } from "./helpers"
import type { AdminListCompaniesType } from "./validators"

/**
 * GET /admin/companies: the buying companies, filtered by status and
 * payment_terms, searched with q (name, e-mail or tax id), ordered
 * (default -created_at, then id) and paged; `fields` picks from the
 * company's own fields (allow-list in query-config.ts).
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListCompaniesType>, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { skip = 0, take = 20, order = {} } = req.queryConfig.pagination ?? {}
  const { data, metadata } = await query.graph({
    entity: "company",
    fields: req.queryConfig.fields,
    filters: companyListFilters(req.filterableFields as Partial<AdminListCompaniesType>),
    pagination: { skip, take, order: { ...order, id: "ASC" } },
  })
  res.json({
    companies: data.map(presentCompany),
    count: wholeCount(metadata?.count ?? data.length),
    offset: skip,
    limit: take,
  })
}
