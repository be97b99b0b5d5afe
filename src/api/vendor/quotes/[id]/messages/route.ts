import type { MedusaResponse } from "@medusajs/framework/http"
import { readVendorQuote } from "../../../../../utils/quote-views"
import { postQuoteMessageWorkflow } from "../../../../../workflows/quote/workflows/post-quote-message"
import type { VendorRequest } from "../../../context"
import { scopedParam } from "../../../scope"
import type { VendorPostQuoteMessageType } from "../../validators"

/** POST /vendor/quotes/:id/messages {body}: the vendor writes to the buyer on its part; the buyer is e-mailed. */
export async function POST(req: VendorRequest<VendorPostQuoteMessageType>, res: MedusaResponse) {
  const id = scopedParam(req, "id")
  await postQuoteMessageWorkflow(req.scope).run({
    input: {
      vendor_quote_id: id,
      author_type: "vendor",
      author_id: req.vendor_context.member.id,
      author_name: req.vendor_context.vendor.name,
      body: req.validatedBody.body,
    },
  })
  res.json({ quote: await readVendorQuote(req.scope, id) })
}
