import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { stateConflict } from "../../../lib/errors/state-conflict"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"
import type { QuoteRequest } from "./load-quote-request"

const OPEN_QUOTE = "This cart already has an open quote; accept it or wait for the vendors to answer."

/**
 * Writes the quote with one vendor quote per vendor and their lines, in one
 * call (one transaction). A cart with a live quote already (requested or
 * accepted) is 409, backed by a unique index for requests that race.
 * Compensation: deleted.
 */
export const createQuoteStep = createStep(
  "create-quote",
  async (request: QuoteRequest, { container }) => {
    const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
    const live = await quotes.listQuotes({ cart_id: request.cart_id, status: ["requested", "accepted"] }, { select: ["id"], take: 1 })
    if (live.length) throw stateConflict(OPEN_QUOTE)
    try {
      const quote = await quotes.createQuoteWithParts(request)
      return new StepResponse({ id: quote.id }, quote.id)
    } catch (e) {
      // Two requests at once both passed the read: the unique index refuses the second (Medusa reports it as "already exists").
      if (/already exists/.test(String((e as Error)?.message ?? ""))) throw stateConflict(OPEN_QUOTE)
      throw e
    }
  },
  async (id, { container }) => {
    if (!id) return
    const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
    await quotes.deleteQuotes([id])
  }
)
