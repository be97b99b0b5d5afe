import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { refundPaymentWorkflow, type RefundPaymentWorkflowInput } from "@medusajs/medusa/core-flows"

export type RefundOrderPaymentInput = { payment_id: string; amount: string; created_by?: string | null; note: string }

/**
 * The money move of every Lilium refund flow, and the last step in it that
 * can fail (decision 49): Medusa's refundPaymentWorkflow on the order's
 * payment. Everything that must hold together with it (the reservation, the
 * ledger rows, the audit entry, the status, the return or order edit) is
 * written before it with a compensation; what comes after it (events, the
 * lock release) cannot fail the flow.
 *
 * "Did the money move" is decided by the refund row, not by the
 * workflow's outcome. The Payment Module creates the refund row, calls the
 * provider and deletes the row if the provider fails; so an error with no
 * row means nothing was refunded and the step fails (the flow compensates).
 * But Medusa's workflow goes on after the provider: it updates the payment
 * and its collection, adds the order transaction and the credit line, and
 * any of these can fail after the buyer got the money. The refund row,
 * marked with this run's id in its metadata, is then found and the step
 * succeeds: Medusa's bookkeeping of that refund is incomplete (logged), but
 * the refund is not undone into a second one.
 *
 * No compensation: a refund cannot be taken back.
 */
export const refundOrderPaymentStep = createStep(
  "refund-order-payment",
  async (input: RefundOrderPaymentInput, { container, transactionId, eventGroupId }) => {
    const key = `${transactionId}`
    // metadata is not in Medusa's input type, but the workflow passes it on
    // to the Payment Module's refundPayment, which stores it on the refund.
    const refund: RefundPaymentWorkflowInput & { metadata: Record<string, string> } = {
      payment_id: input.payment_id,
      amount: input.amount,
      created_by: input.created_by ?? undefined,
      note: input.note,
      metadata: { lilium_refund: key },
    }
    const { errors } = await refundPaymentWorkflow(container).run({
      input: refund,
      // Its payment.refunded goes out with this flow's events, when the flow has finished.
      context: { eventGroupId, preventReleaseEvents: true },
      throwOnError: false,
    })
    if (!errors?.length) return new StepResponse({ refunded: true })

    const error = errors[0].error
    let refundId: string | null = null
    try {
      const payments: any = container.resolve(Modules.PAYMENT)
      const refunds = await payments.listRefunds({ payment_id: input.payment_id }, { select: ["id", "metadata"] })
      refundId = refunds.find((r: any) => r.metadata?.lilium_refund === key)?.id ?? null
    } catch (e) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(
          `Refund of payment ${input.payment_id} failed, and whether money moved could not be read (${(e as Error).message}); check its refunds.`
        )
    }
    if (!refundId) throw error
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(
        `Refund ${refundId} of payment ${input.payment_id} (${input.amount}) was made, but Medusa failed after it: ${error?.message}. Kept as refunded.`
      )
    return new StepResponse({ refunded: true })
  }
)
