import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"
import type { QuoteAuthorType } from "../../../modules/quote/models/quote-message"

export type NewQuoteMessage = {
  vendor_quote_id: string
  author_type: QuoteAuthorType
  author_id: string
  author_name: string | null
  body: string
}

/** Adds a message to a vendor quote's thread. Compensation: removed. */
export const createQuoteMessageStep = createStep(
  "create-quote-message",
  async (input: NewQuoteMessage, { container }) => {
    const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
    const message = await quotes.createQuoteMessages(input)
    return new StepResponse(message, message.id)
  },
  async (id, { container }) => {
    if (!id) return
    const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
    await quotes.deleteQuoteMessages([id])
  }
)
