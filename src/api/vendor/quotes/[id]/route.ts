import type { MedusaResponse } from "@medusajs/framework/http"
import { readVendorQuote } from "../../../../utils/quote-views"
import type { VendorRequest } from "../../context"
import { scopedParam } from "../../scope"

/** GET /vendor/quotes/:id: one of the caller's quote parts, with its lines, the buyer and the thread. */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  res.json({ quote: await readVendorQuote(req.scope, scopedParam(req, "id")) })
}
