import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { QUOTE_MODULE } from "../../../../../modules/quote"
import type QuoteModuleService from "../../../../../modules/quote/service"
import { readStoreQuote } from "../../../../../utils/quote-views"
import { acceptQuoteWorkflow } from "../../../../../workflows/quote/workflows/accept-quote"
import { customerParam } from "../../../scope"
import type { StoreAcceptQuoteType } from "../../validators"

/**
 * POST /store/quotes/:id/accept {exclude_vendor_quote_ids?}: every quoted
 * price goes into the cart at once and declined (or excluded) vendors'
 * lines leave it; then the buyer completes the cart with the standard
 * POST /store/carts/:id/complete. 409 with nothing changed when the quote
 * was accepted already, a part expired or is unanswered (and not excluded),
 * or the cart changed since the quote was requested.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreAcceptQuoteType>, res: MedusaResponse) {
  const id = customerParam(req, "id")
  const quotes: QuoteModuleService = req.scope.resolve(QUOTE_MODULE)
  const quote = await quotes.retrieveQuote(id, { select: ["cart_id"] })
  await acceptQuoteWorkflow(req.scope).run({
    input: { quote_id: id, cart_id: quote.cart_id, exclude_vendor_quote_ids: req.validatedBody.exclude_vendor_quote_ids ?? [] },
  })
  res.json({ quote: await readStoreQuote(req.scope, id) })
}
