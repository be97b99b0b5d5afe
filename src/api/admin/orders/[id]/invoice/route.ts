import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendOrderInvoice } from "../../../../../utils/invoice"

/**
 * GET /admin/orders/:id/invoice: the order's invoice as a PDF, for the
 * operator: any order (a company's, with the company as buyer; otherwise
 * the customer); 404 for no such order.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await sendOrderInvoice(req.scope, req.params.id, res)
}
