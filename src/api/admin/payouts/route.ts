import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listPayoutsPage, payoutFilters, serializePayout } from "../../utils/payouts"

/** GET /admin/payouts: every payout, newest first (filters: vendor_id, status, currency_code, provider, run_id, created_at). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as any
  const { rows, count } = await listPayoutsPage(req.scope, payoutFilters(query), query)
  res.json({ payouts: rows.map((p) => serializePayout(p, { admin: true })), count, offset: query.offset, limit: query.limit })
}
