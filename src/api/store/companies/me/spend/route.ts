import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { companyContext } from "../../helpers"
import { companySpend } from "./helpers"
import type { StoreCompanySpendParamsType } from "./validators"

/**
 * GET /store/companies/me/spend (company admins): the company's spend by
 * calendar month (in its time zone), by vendor and by employee, net of
 * refunds, to the cent; `from`/`to` as in analytics.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreCompanySpendParamsType>, res: MedusaResponse) {
  const { company } = companyContext(req)
  const spend = await companySpend(
    req.scope,
    { id: company.id, currency_code: company.currency_code, timezone: String(company.timezone ?? "UTC") },
    req.validatedQuery
  )
  res.json({ spend })
}
