import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"

export type AnswerVendorQuoteInput = {
  vendor_quote_id: string
  vendor_id: string
  member_id: string
  prices: Record<string, string>
  valid_until: string
  message: string | null
}

/**
 * Stores a vendor's prices (one transaction, under the quote's row lock:
 * QuoteModuleService.answerVendorQuote). Nothing follows it that can fail,
 * so it has no compensation.
 */
export const answerVendorQuoteStep = createStep("answer-vendor-quote", async (input: AnswerVendorQuoteInput, { container }) => {
  const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
  const result = await quotes.answerVendorQuote(input.vendor_quote_id, input.vendor_id, {
    prices: input.prices,
    valid_until: new Date(input.valid_until),
    message: input.message,
    member_id: input.member_id,
  })
  return new StepResponse(result)
})
