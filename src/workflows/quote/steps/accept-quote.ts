import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"
import type { QuoteAcceptance } from "../../../modules/quote/service"

/**
 * Marks the quote accepted (compare-and-set under its row lock: accepting
 * twice is 409) and returns the lines to price and to remove. Compensation:
 * the quote and each part are put back as they were, so a failure while the
 * prices go into the cart leaves the quote acceptable again.
 */
export const acceptQuoteStep = createStep(
  "accept-quote",
  async (input: { quote_id: string; exclude_vendor_quote_ids: string[] }, { container }) => {
    const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
    const acceptance = await quotes.acceptQuote(input.quote_id, input.exclude_vendor_quote_ids, new Date())
    return new StepResponse(acceptance, acceptance)
  },
  async (acceptance: QuoteAcceptance | undefined, { container }) => {
    if (!acceptance) return
    const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
    await quotes.undoAcceptance(acceptance)
  }
)
