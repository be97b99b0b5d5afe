import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { answerVendorQuoteStep, type AnswerVendorQuoteInput } from "../steps/answer-vendor-quote"

/** A vendor quotes its part (POST /vendor/quotes/:id/respond); the buyer is e-mailed (vendor_quote.answered). */
export const answerVendorQuoteWorkflow = createWorkflow("answer-vendor-quote", (input: AnswerVendorQuoteInput) => {
  const result = answerVendorQuoteStep(input)
  emitEventStep({
    eventName: "vendor_quote.answered",
    data: transform({ input, result }, ({ input, result }) => ({ id: input.vendor_quote_id, quote_id: result.quote_id })),
  })
  return new WorkflowResponse(result)
})
