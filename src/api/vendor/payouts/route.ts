import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../context"
import type { ListPayoutsParamsType } from "./validators"
import { vendorFilters } from "../scope"
import { listPayoutsPage, payoutFilters, serializePayout } from "../../admin/payouts/helpers"

/** GET /vendor/payouts: the caller's payouts, newest first (filters: status, currency_code, provider, created_at). */
export async function GET(req: VendorRequest<unknown, ListPayoutsParamsType>, res: MedusaResponse) {
  const query = req.validatedQuery
  const { rows, count } = await listPayoutsPage(req.scope, { ...payoutFilters(query), ...vendorFilters(req, "payout") }, query)
  res.json({ payouts: rows.map((p) => serializePayout(p)), count, offset: query.offset, limit: query.limit })
}
