import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminListPayoutsParamsType } from "./validators"
import { listPayoutsPage, payoutFilters, serializePayout } from "./helpers"

/** GET /admin/payouts: every payout, newest first (filters: vendor_id, status, currency_code, provider, run_id, created_at). */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListPayoutsParamsType>, res: MedusaResponse) {
  const query = req.validatedQuery
  const { rows, count } = await listPayoutsPage(req.scope, payoutFilters(query), query)
  res.json({ payouts: rows.map((p) => serializePayout(p, { admin: true })), count, offset: query.offset, limit: query.limit })
}
