import { createWorkflow, parallelize, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, completeCartWorkflow, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { assertCompanyCheckoutAllowedStep } from "../../company/steps/assert-company-checkout-allowed"
import { findCartEmployeeStep } from "../../company/steps/find-cart-employee"
import { recordCompanyOrderStep } from "../../company/steps/record-company-order"
import { assertCartMatchesQuoteStep } from "../../quote/steps/assert-cart-matches-quote"
import { markQuoteOrderedStep } from "../../quote/steps/mark-quote-ordered"
import { renewCanceledPaymentSessionStep } from "../steps/renew-canceled-payment-session"
import { resolveCartVendorsStep } from "../steps/resolve-cart-vendors"
import { composeVendorSplit } from "../utils/compose-split"

export const completeMarketplaceCartWorkflowId = "complete-marketplace-cart"

/**
 * Medusa's completeCartWorkflow, then the vendor split, in one workflow, so
 * the vendor orders exist when POST /store/carts/:id/complete answers.
 *
 * - completeCartWorkflow skips its own cart lock when it runs as a step, so
 *   this workflow takes the same lock (as Medusa's docs show for wrappers):
 *   concurrent completes of one cart run one after the other, and the later
 *   ones find the order and re-run the idempotent split.
 * - The split's steps run here directly rather than as a sub-workflow: each
 *   sub-workflow costs the workflow engine two more stored checkpoints, and
 *   this is the checkout's hot path (see bench/RESULTS.md). Linking the
 *   customer to its vendors is not needed to answer, so the order.placed
 *   subscriber does it (splitOrderByVendorWorkflow, which finds the split done).
 * - A company employee's cart must pass the company's rules (suspension,
 *   approval, spending limit) before Medusa creates the order, under a second
 *   lock per employee, so two carts of one employee cannot both fit under the
 *   limit; the order is recorded for the company (company_order) before that
 *   lock is released. A cart paying by invoice also takes the company's
 *   invoice lock (findCartEmployeeStep's keys), so two employees' invoice
 *   checkouts cannot both fit under the company's credit limit.
 * - If the split fails, the completion is compensated too: no order without
 *   its vendor orders, and the cart's payment session is renewed so that the
 *   same complete can be retried (renewCanceledPaymentSessionStep).
 */
export const completeMarketplaceCartWorkflow = createWorkflow(
  // Not stored: completeCartWorkflow keeps its own stored execution (3 days)
  // when it runs as this step; storing the wrapper too cost ~50 ms per
  // checkout for no extra guarantee (bench/RESULTS.md).
  completeMarketplaceCartWorkflowId,
  (input: { id: string }) => {
    acquireLockStep({ key: input.id, timeout: 30, ttl: 120 })
    // Both only read the cart (held by the lock above): side by side.
    const [employee, quoteId] = parallelize(
      findCartEmployeeStep({ cart_id: input.id }),
      // A cart whose quote was accepted must still hold the accepted lines at the quoted prices.
      assertCartMatchesQuoteStep({ cart_id: input.id })
    )
    // Owned by the cart: with two keys (employee + company invoice lock) a retry after a partial acquisition re-enters its own key.
    acquireLockStep({ key: employee.lock_key, timeout: 30, ttl: 120, ownerId: input.id }).config({
      name: "acquire-employee-checkout-lock",
    })
    const companyCheckout = assertCompanyCheckoutAllowedStep({
      cart_id: input.id,
      employee_id: employee.employee_id,
      pays_by_invoice: employee.pays_by_invoice,
    })
    // Compensation only: a failed completion leaves a payment session that can be authorized again.
    renewCanceledPaymentSessionStep({ cart_id: input.id })
    // Which vendor sells what is looked up from the cart while Medusa
    // completes it; afterwards only the order's totals remain to be read.
    const [order, lookups] = parallelize(
      completeCartWorkflow.runAsStep({ input: { id: input.id } }),
      resolveCartVendorsStep({ cart_id: input.id })
    )

    // A vendor suspended while Medusa completed the cart (after the route's
    // pre-check) fails the split, and with it the completion.
    // No split lock: nothing else can split this order yet. The only other
    // splitter is the order.placed subscriber, and the order.placed of the
    // completion run as a step is held in this workflow's event group until
    // this workflow ends (Medusa's sub-workflows run with
    // preventReleaseEvents); a repeated complete of the cart waits for the
    // cart lock above. The unique (order_id, vendor_id) index still backs it.
    const { created } = composeVendorSplit(
      transform({ order, lookups }, ({ order, lookups }) => ({ order_id: order.id, lookups, require_active_vendors: true })),
      { lock: false }
    )
    emitEventStep({
      eventName: "vendor_order.created",
      data: transform({ created, order }, ({ created, order }) => created.map((c) => ({ id: c.id, order_id: order.id }))),
    })
    recordCompanyOrderStep({ checkout: companyCheckout, order_id: order.id })
    markQuoteOrderedStep(
      transform({ quoteId, order, input }, ({ quoteId, order, input }) => ({ quote_id: quoteId, cart_id: input.id, order_id: order.id }))
    )
    // Released as the owner it was taken as: Redis locking releases only the owner's key (in-memory locking did not check).
    releaseLockStep({ key: employee.lock_key, ownerId: input.id }).config({ name: "release-employee-checkout-lock" })
    releaseLockStep({ key: input.id })
    return new WorkflowResponse(order)
  }
)
