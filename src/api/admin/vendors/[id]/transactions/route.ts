import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveVendorForAdmin } from "../../helpers"
import { sendTransactions } from "../../../../utils/ledger-reads"

/** GET /admin/vendors/:id/transactions (same filters as the vendor's, and format=csv). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await retrieveVendorForAdmin(req.scope, req.params.id)
  await sendTransactions(req.scope, req.params.id, req.validatedQuery, res)
}
