import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../../context"
import { retrievePayoutDetail, serializePayout } from "../../../admin/payouts/helpers"
import { scopedParam, vendorFilters } from "../../scope"

/** GET /vendor/payouts/:id: one of the caller's payouts with the ledger rows it covers; another vendor's is 404. */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  const { payout, covered, postings } = await retrievePayoutDetail(req.scope, scopedParam(req, "id"), vendorFilters(req, "payout"))
  res.json({ payout: { ...serializePayout(payout), transactions: covered, postings } })
}
