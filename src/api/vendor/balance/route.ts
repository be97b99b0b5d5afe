import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../context"
import { sendBalances } from "./helpers"

/** GET /vendor/balance: the caller's pending, available and paid-out amounts per currency. */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  await sendBalances(req.scope, req.vendor_context.vendor.id, res)
}
