import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readStoreQuote } from "../../../../../../../utils/quote-views"
import { postQuoteMessageWorkflow } from "../../../../../../../workflows/quote/workflows/post-quote-message"
import { customerId, customerParam } from "../../../../../scope"
import type { StorePostQuoteMessageType } from "../../../../validators"

/** POST /store/quotes/:id/vendor-quotes/:vendor_quote_id/messages {body}: the buyer writes to one vendor on its part; the vendor is e-mailed. */
export async function POST(req: AuthenticatedMedusaRequest<StorePostQuoteMessageType>, res: MedusaResponse) {
  const quoteId = customerParam(req, "id")
  const vendorQuoteId = customerParam(req, "vendor_quote_id")
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["first_name", "last_name", "email"], filters: { id: customerId(req) } })
  const name = [data[0]?.first_name, data[0]?.last_name].filter(Boolean).join(" ") || data[0]?.email || null
  await postQuoteMessageWorkflow(req.scope).run({
    input: {
      vendor_quote_id: vendorQuoteId,
      author_type: "customer",
      author_id: customerId(req),
      author_name: name,
      body: req.validatedBody.body,
    },
  })
  res.json({ quote: await readStoreQuote(req.scope, quoteId) })
}
