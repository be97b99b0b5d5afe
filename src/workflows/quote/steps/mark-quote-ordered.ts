import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"

/**
 * The accepted quote of a completed cart records its order (accepted →
 * ordered, compare-and-set). Compensation: back to accepted, so a checkout
 * that fails after this can be retried.
 */
export const markQuoteOrderedStep = createStep(
  "mark-quote-ordered",
  async (input: { quote_id: string | null; cart_id: string; order_id: string }, { container }) => {
    if (!input.quote_id) return new StepResponse<string | null>(null, null)
    const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
    const id = await quotes.markQuoteOrdered(input.cart_id, input.order_id)
    return new StepResponse<string | null>(id, id)
  },
  async (id, { container }) => {
    if (!id) return
    const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
    await quotes.unmarkQuoteOrdered(id)
  }
)
