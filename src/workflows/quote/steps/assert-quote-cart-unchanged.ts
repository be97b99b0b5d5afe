import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { stateConflict } from "../../../lib/errors/state-conflict"
import { quoteLinesFingerprint } from "../../../lib/quote-lines"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"

/**
 * Before an acceptance: the quote's cart is still open and has exactly the
 * lines (and quantities) the vendors were asked to quote. Runs under the
 * cart's lock, so the cart cannot change between this check and the prices
 * going in. 409 otherwise, with nothing changed.
 */
export const assertQuoteCartUnchangedStep = createStep(
  "assert-quote-cart-unchanged",
  async (input: { quote_id: string }, { container }) => {
    const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
    const [quote] = await quotes.listQuotes({ id: input.quote_id }, { take: 1 })
    if (!quote) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Quote with id: ${input.quote_id} was not found`)
    // Said first: the lines of an accepted quote's cart differ from those asked for (declined lines left).
    if (quote.status !== "requested") throw stateConflict(`This quote is already ${quote.status}.`)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "completed_at", "currency_code", "items.id", "items.variant_id", "items.quantity"],
      filters: { id: quote.cart_id },
    })
    const cart = data[0]
    if (!cart || cart.completed_at) throw stateConflict("The quote's cart has been completed or removed; request a new quote.")
    const lines = (cart.items ?? [])
      .filter((i) => !!i)
      .map((i) => ({ id: i.id, variant_id: i.variant_id ?? null, quantity: i.quantity as never }))
    if (quoteLinesFingerprint(lines, String(cart.currency_code), false) !== quote.items_fingerprint) {
      throw stateConflict("The cart has changed since the quote was requested; request a new quote for the cart as it is now.")
    }
    return new StepResponse({ cart_id: quote.cart_id as string })
  }
)
