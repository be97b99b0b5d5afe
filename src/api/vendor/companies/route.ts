import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import VendorPriceListLink from "../../../links/vendor-price-list"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import type { VendorRequest } from "../context"
import { vendorFilters } from "../scope"
import { readPriceLists } from "../price-lists/helpers"
import type { VendorListCompaniesType } from "./validators"

const BATCH = 2000

/**
 * GET /vendor/companies: the buying companies a vendor knows, to give them
 * prices (POST /vendor/price-lists takes a company id): those whose employees
 * placed an order with a line of this vendor (company_order of the vendor's
 * vendor orders' master orders), and those the vendor already has a price
 * list for. Only id, name and status: no company is found by search, so a
 * vendor cannot list the marketplace's buyers.
 */
export async function GET(req: VendorRequest<unknown, VendorListCompaniesType>, res: MedusaResponse) {
  const { offset, limit } = req.validatedQuery
  const vendors: VendorModuleService = req.scope.resolve(VENDOR_MODULE)
  const companies: CompanyModuleService = req.scope.resolve(COMPANY_MODULE)
  const ids = new Set<string>()
  for (let skip = 0; ; skip += BATCH) {
    const page = await vendors.listVendorOrders(vendorFilters(req, "vendor_order"), {
      select: ["order_id"],
      skip,
      take: BATCH,
      order: { id: "ASC" },
    })
    if (!page.length) break
    const orders = await companies.listCompanyOrders({ order_id: [...new Set(page.map((v) => v.order_id))] }, { select: ["company_id"] })
    for (const o of orders) ids.add(o.company_id)
    if (page.length < BATCH) break
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: VendorPriceListLink.entryPoint,
    fields: ["price_list_id"],
    filters: vendorFilters(req, "vendor_price_list"),
  })
  for (const list of await readPriceLists(
    req.scope,
    links.map((l: { price_list_id: string }) => l.price_list_id)
  )) {
    if (list.company) ids.add(list.company.id)
  }
  const rows = ids.size
    ? await companies.listCompanies({ id: [...ids] }, { select: ["id", "name", "status"], order: { name: "ASC", id: "ASC" } })
    : []
  res.json({
    companies: rows.slice(offset, offset + limit).map((c) => ({ id: c.id, name: c.name, status: c.status })),
    count: rows.length,
    offset,
    limit,
  })
}
