import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveVendorForAdmin } from "../../helpers"
import { sendTransactions } from "../../../../vendor/transactions/helpers"
import type { ListTransactionsParamsType } from "../../../../vendor/transactions/validators"

/** GET /admin/vendors/:id/transactions (same filters as the vendor's, and format=csv). */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListTransactionsParamsType>, res: MedusaResponse) {
  await retrieveVendorForAdmin(req.scope, req.params.id)
  await sendTransactions(req.scope, req.params.id, req.validatedQuery, res)
}
