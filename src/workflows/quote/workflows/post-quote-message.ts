import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createQuoteMessageStep, type NewQuoteMessage } from "../steps/create-quote-message"

/** A message on a vendor quote's thread, by the buyer or the vendor; the other side is e-mailed (quote_message.created). */
export const postQuoteMessageWorkflow = createWorkflow("post-quote-message", (input: NewQuoteMessage) => {
  const message = createQuoteMessageStep(input)
  emitEventStep({
    eventName: "quote_message.created",
    data: transform({ message }, ({ message }) => ({ id: message.id, vendor_quote_id: message.vendor_quote_id })),
  })
  return new WorkflowResponse(message)
})
