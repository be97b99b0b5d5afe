import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveVendorForAdmin } from "../../helpers"
import { sendBalances } from "../../../../vendor/balance/helpers"

/** GET /admin/vendors/:id/balance */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await retrieveVendorForAdmin(req.scope, req.params.id)
  await sendBalances(req.scope, req.params.id, res)
}
