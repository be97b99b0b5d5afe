import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoicesPage, pickFields } from "./helpers"
import type { AdminListInvoicesType } from "./validators"

/**
 * GET /admin/invoices: orders paid by invoice (issue 19) with their company,
 * order display id, total, credits, amount due, due date and status
 * (open, overdue, paid, void); filters status and company_id, paged, oldest
 * due first; `fields` picks among the invoice's fields.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListInvoicesType>, res: MedusaResponse) {
  const { skip = 0, take = 20 } = req.queryConfig.pagination ?? {}
  const q = req.filterableFields as Partial<AdminListInvoicesType>
  const { invoices, count } = await invoicesPage(req.scope, { status: q.status, company_id: q.company_id }, { offset: skip, limit: take })
  res.json({ invoices: pickFields(invoices, req.queryConfig.fields), count, offset: skip, limit: take })
}
