import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { roundHalfEven } from "../../../../lib/money"
import { COMPANY_MODULE } from "../../../../modules/company"
import type CompanyModuleService from "../../../../modules/company/service"

/**
 * GET /admin/analytics/invoices: what buying companies owe the marketplace on
 * invoices, per currency — open invoices (count, amount due; overdue ones
 * included) and overdue ones (open and past the due date). Amounts due are
 * totals less credits from refunds made before payment.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const companies: CompanyModuleService = req.scope.resolve(COMPANY_MODULE)
  const rows = await companies.invoiceReceivables(new Date())
  res.json({
    invoices: rows.map((r) => ({
      currency_code: r.currency_code,
      open_count: r.open_count,
      open_amount: roundHalfEven(r.open_amount, r.currency_code).numeric,
      overdue_count: r.overdue_count,
      overdue_amount: roundHalfEven(r.overdue_amount, r.currency_code).numeric,
    })),
  })
}
