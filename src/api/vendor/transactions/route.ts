import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../context"
import { sendTransactions } from "../../utils/ledger-reads"

/** GET /vendor/transactions: the caller's ledger rows (filters: type, currency_code, vendor_order_id, created_at; format=csv). */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  await sendTransactions(req.scope, req.vendor_context.vendor.id, req.validatedQuery, res)
}
