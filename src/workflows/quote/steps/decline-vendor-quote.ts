import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"

/** A vendor declines its part, with a reason (under the quote's row lock; nothing after it can fail). */
export const declineVendorQuoteStep = createStep(
  "decline-vendor-quote",
  async (input: { vendor_quote_id: string; vendor_id: string; member_id: string; reason: string }, { container }) => {
    const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
    return new StepResponse(await quotes.declineVendorQuote(input.vendor_quote_id, input.vendor_id, input.reason, input.member_id))
  }
)
