import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../context"
import { sendTransactions } from "./helpers"
import type { ListTransactionsParamsType } from "./validators"

/** GET /vendor/transactions: the caller's ledger rows (filters: type, currency_code, vendor_order_id, created_at; format=csv). */
export async function GET(req: VendorRequest<unknown, ListTransactionsParamsType>, res: MedusaResponse) {
  await sendTransactions(req.scope, req.vendor_context.vendor.id, req.validatedQuery, res)
}
