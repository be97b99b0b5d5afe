import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { findOrderPaymentStep } from "../steps/find-order-payment"
import { composeCaptureIfNeeded, orderPaymentLockKey, PAYMENT_LOCK } from "../utils/compose-refund"

/**
 * Captures a placed order's payment, unless it is captured already. The
 * marketplace collects the money for all its vendors at placement (Stripe
 * Connect's separate charges and transfers): vendors are paid out of
 * captured funds, and a vendor's rejection is a refund, never a partial
 * void. The lock is the order's payment lock, which every refund flow
 * holds too; those capture first themselves when they get there before
 * this subscriber (the Redis shape), so here it is then a no-op.
 */
export const captureOrderPaymentWorkflow = createWorkflow("capture-order-payment", (input: { order_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => orderPaymentLockKey(input.order_id))
  acquireLockStep({ key: lockKey, ...PAYMENT_LOCK })
  const payment = findOrderPaymentStep(input)
  composeCaptureIfNeeded(payment, null)
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(payment)
})
