import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { stateConflict } from "../../../lib/errors/state-conflict"
import { rawAmount } from "../../../lib/money"
import { quoteLinesFingerprint } from "../../../lib/quote-lines"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"

/**
 * At checkout (under the cart's lock): a cart whose quote was accepted must
 * still hold exactly the accepted lines at the quoted prices. A line added,
 * removed or changed after the acceptance is 409 before Medusa creates the
 * order. A cart with only a requested quote checks out at its own prices
 * (the buyer chose not to wait); it returns null then and the quote stays.
 */
export const assertCartMatchesQuoteStep = createStep("assert-cart-matches-quote", async (input: { cart_id: string }, { container }) => {
  const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
  const [quote] = await quotes.listQuotes({ cart_id: input.cart_id, status: "accepted" }, { take: 1 })
  if (!quote) return new StepResponse<string | null>(null)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["currency_code", "items.id", "items.variant_id", "items.quantity", "items.unit_price", "items.raw_unit_price"],
    filters: { id: input.cart_id },
  })
  const cart = data[0]
  const lines = (cart?.items ?? [])
    .filter((i) => !!i)
    .map((i) => ({
      id: i.id,
      variant_id: i.variant_id ?? null,
      quantity: i.quantity as never,
      unit_price: rawAmount(i as never, "unit_price"),
    }))
  if (!cart || quoteLinesFingerprint(lines, String(cart.currency_code), true) !== quote.accepted_fingerprint) {
    throw stateConflict("The cart has changed since its quote was accepted; it no longer matches the quoted lines and prices.")
  }
  return new StepResponse<string | null>(quote.id)
})
