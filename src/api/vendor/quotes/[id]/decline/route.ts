import type { MedusaResponse } from "@medusajs/framework/http"
import { readVendorQuote } from "../../../../../utils/quote-views"
import { declineVendorQuoteWorkflow } from "../../../../../workflows/quote/workflows/decline-vendor-quote"
import type { VendorRequest } from "../../../context"
import { scopedParam } from "../../../scope"
import type { VendorDeclineQuoteType } from "../../validators"

/** POST /vendor/quotes/:id/decline {reason}: the vendor will not quote (status `declined`); the buyer is told why. */
export async function POST(req: VendorRequest<VendorDeclineQuoteType>, res: MedusaResponse) {
  const id = scopedParam(req, "id")
  await declineVendorQuoteWorkflow(req.scope).run({
    input: {
      vendor_quote_id: id,
      vendor_id: req.vendor_context.vendor.id,
      member_id: req.vendor_context.member.id,
      reason: req.validatedBody.reason,
    },
  })
  res.json({ quote: await readVendorQuote(req.scope, id) })
}
