import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { declineVendorQuoteStep } from "../steps/decline-vendor-quote"

/** A vendor declines its part (POST /vendor/quotes/:id/decline); the buyer is e-mailed (vendor_quote.declined). */
export const declineVendorQuoteWorkflow = createWorkflow(
  "decline-vendor-quote",
  (input: { vendor_quote_id: string; vendor_id: string; member_id: string; reason: string }) => {
    const result = declineVendorQuoteStep(input)
    emitEventStep({
      eventName: "vendor_quote.declined",
      data: transform({ input, result }, ({ input, result }) => ({ id: input.vendor_quote_id, quote_id: result.quote_id })),
    })
    return new WorkflowResponse(result)
  }
)
