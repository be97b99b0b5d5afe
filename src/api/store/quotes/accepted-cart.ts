import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { stateConflict } from "../../../lib/errors/state-conflict"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"

/**
 * The lines of a cart whose quote was accepted are fixed: adding, changing
 * or removing a line (Medusa's and Lilium's line routes) is 409, so the
 * buyer is told at once instead of at checkout (which compares the cart
 * with the accepted lines and prices anyway). Addresses, shipping,
 * promotions and payment stay open.
 */
export async function refuseLineChangesOnAcceptedQuote(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const cartId = req.params.id
    const quotes: QuoteModuleService = req.scope.resolve(QUOTE_MODULE)
    const [accepted] = await quotes.listQuotes({ cart_id: cartId, status: "accepted" }, { select: ["id"], take: 1 })
    if (accepted) {
      throw stateConflict("This cart's quote has been accepted: its lines and prices are fixed until it is completed.")
    }
    next()
  } catch (e) {
    next(e)
  }
}

export const acceptedQuoteCartMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/carts/:id/line-items", method: ["POST"], middlewares: [refuseLineChangesOnAcceptedQuote] },
  { matcher: "/store/carts/:id/line-items/*", method: ["POST", "DELETE"], middlewares: [refuseLineChangesOnAcceptedQuote] },
]
