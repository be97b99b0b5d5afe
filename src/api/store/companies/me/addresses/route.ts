import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COMPANY_MODULE } from "../../../../../modules/company"
import type CompanyModuleService from "../../../../../modules/company/service"
import { saveCompanyAddressWorkflow } from "../../../../../workflows/company/workflows/save-company-address"
import { ADDRESS_FIELDS, addressColumns, addressView, companyContext } from "../../helpers"
import type { StoreCreateCompanyAddressType } from "../../validators"

// A company keeps a handful of addresses (sites, warehouses, the billing office); the list is not paged.
const MAX_ADDRESSES = 200

/** GET /store/companies/me/addresses (every employee): the company's addresses, defaults first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const companies: CompanyModuleService = req.scope.resolve(COMPANY_MODULE)
  const addresses = await companies.listCompanyAddresses(
    { company_id: companyContext(req).company.id },
    {
      select: [...ADDRESS_FIELDS],
      take: MAX_ADDRESSES,
      order: { is_default_shipping: "DESC", is_default_billing: "DESC", created_at: "ASC", id: "ASC" },
    }
  )
  res.json({ addresses: addresses.map((a) => addressView(a as unknown as Record<string, unknown>)) })
}

/** POST /store/companies/me/addresses (company admins): a new address; a new default takes over from the old one. */
export async function POST(req: AuthenticatedMedusaRequest<StoreCreateCompanyAddressType>, res: MedusaResponse) {
  const { result } = await saveCompanyAddressWorkflow(req.scope).run({
    input: { company_id: companyContext(req).company.id, data: addressColumns(req.validatedBody) },
  })
  res.json({ address: addressView(result as unknown as Record<string, unknown>) })
}
