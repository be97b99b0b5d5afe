import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  deleteLineItemsStep,
  emitEventStep,
  refreshCartItemsWorkflow,
  releaseLockStep,
  updateLineItemsStep,
} from "@medusajs/medusa/core-flows"
import { acceptQuoteStep } from "../steps/accept-quote"
import { assertQuoteCartUnchangedStep } from "../steps/assert-quote-cart-unchanged"

/**
 * The buyer accepts a quote (POST /store/quotes/:id/accept), all at once
 * under the cart's lock (Medusa's key, so no cart change interleaves):
 * 1. the cart still has the lines that were quoted (409 otherwise);
 * 2. the quote is accepted by compare-and-set (409 twice, expired, or unanswered);
 * 3. declined and withdrawn vendors' lines leave the cart;
 * 4. every quoted unit price goes on its line as a custom price (Medusa's
 *    is_custom_price: later cart refreshes keep it);
 * 5. one cart refresh (taxes, promotions, payment collection).
 * Each writing step has a compensation (Medusa's restore and previous
 * values; the acceptance is undone), so a failure leaves cart and quote as
 * they were.
 */
export const acceptQuoteWorkflow = createWorkflow(
  "accept-quote",
  (input: { quote_id: string; cart_id: string; exclude_vendor_quote_ids: string[] }) => {
    acquireLockStep({ key: input.cart_id, timeout: 10, ttl: 60 })
    assertQuoteCartUnchangedStep({ quote_id: input.quote_id })
    const acceptance = acceptQuoteStep(input)
    deleteLineItemsStep(transform({ acceptance }, ({ acceptance }) => acceptance.removed_line_ids))
    updateLineItemsStep(
      transform({ acceptance }, ({ acceptance }) => ({
        id: acceptance.cart_id,
        items: acceptance.priced.map((p) => ({
          selector: { id: p.line_item_id },
          data: { unit_price: p.unit_price, is_custom_price: true },
        })),
      }))
    )
    refreshCartItemsWorkflow.runAsStep({ input: { cart_id: input.cart_id, force_refresh: true } })
    emitEventStep({ eventName: "quote.accepted", data: { id: input.quote_id } })
    releaseLockStep({ key: input.cart_id })
    return new WorkflowResponse(acceptance)
  }
)
