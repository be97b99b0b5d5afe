import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../context"
import { listPayoutsPage, payoutFilters, serializePayout } from "../../utils/payouts"

/** GET /vendor/payouts: the caller's payouts, newest first (filters: status, currency_code, provider, created_at). */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  const query = req.validatedQuery as any
  const { rows, count } = await listPayoutsPage(req.scope, { ...payoutFilters(query), vendor_id: req.vendor_context.vendor.id }, query)
  res.json({ payouts: rows.map((p) => serializePayout(p)), count, offset: query.offset, limit: query.limit })
}
