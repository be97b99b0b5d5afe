import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderCompany } from "../../../companies/helpers"

/** GET /admin/orders/:id/company: the company that bought the order and who placed it, or nulls; 404 for no such order. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json(await orderCompany(req.scope, req.params.id))
}
