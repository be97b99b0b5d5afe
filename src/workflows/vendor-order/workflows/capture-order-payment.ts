import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, capturePaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { findOrderPaymentStep } from "../steps/find-order-payment"

/**
 * Captures a placed order's payment, unless it is captured already. The
 * marketplace collects the money for all its vendors at placement (Stripe
 * Connect's separate charges and transfers): vendors are paid out of
 * captured funds, and a vendor's rejection is a refund, never a partial
 * void. The lock is shared with refundVendorShareWorkflow.
 */
export const captureOrderPaymentWorkflow = createWorkflow("capture-order-payment", (input: { order_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => `order-payment:${input.order_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
  const payment = findOrderPaymentStep(input)
  when({ payment }, ({ payment }) => !payment.is_captured).then(() => {
    capturePaymentWorkflow.runAsStep({ input: transform({ payment }, ({ payment }) => ({ payment_id: payment.id })) })
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(payment)
})
