import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerCompany } from "../../../companies/helpers"

/** GET /admin/customers/:id/company: the customer's company and employee row (role, limit), or nulls; 404 for no such customer. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json(await customerCompany(req.scope, req.params.id))
}
