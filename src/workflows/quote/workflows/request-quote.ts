import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createQuoteStep } from "../steps/create-quote"
import { loadQuoteRequestStep } from "../steps/load-quote-request"

/**
 * A buyer asks for a quote on a cart (POST /store/quotes): one vendor quote
 * per vendor in the cart, each vendor e-mailed (quote.requested). Under the
 * cart's lock (Medusa's key), so the lines read are the lines quoted.
 */
export const requestQuoteWorkflow = createWorkflow(
  "request-quote",
  (input: { cart_id: string; customer_id: string; message?: string | null }) => {
    acquireLockStep({ key: input.cart_id, timeout: 10, ttl: 30 })
    const request = loadQuoteRequestStep(input)
    const quote = createQuoteStep(request)
    emitEventStep({ eventName: "quote.requested", data: transform({ quote }, ({ quote }) => ({ id: quote.id })) })
    releaseLockStep({ key: input.cart_id })
    return new WorkflowResponse(quote)
  }
)
