import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN } from "@medusajs/framework/utils"
import { acquireLockStep, capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import type { AuditContext } from "../../../modules/audit/types"
import { findOrderPaymentStep } from "../../vendor-order/steps/find-order-payment"
import { composeAfterRefund, orderPaymentLockKey, PAYMENT_LOCK } from "../../vendor-order/utils/compose-refund"
import { markInvoicePaidStep } from "../steps/mark-invoice-paid"
import { releaseInvoiceOrderFundsStep } from "../steps/release-invoice-order-funds"
import { recordInvoicePaidAuditStep } from "../steps/record-invoice-paid-audit"

export type MarkInvoicePaidInput = { order_id: string; reference: string; actor_id?: string | null; audit?: AuditContext }

/**
 * The operator records that a company paid an order's invoice (issue 19),
 * under the order's payment lock like every capture and refund:
 * 1. the invoice goes open → paid by compare-and-set (409 the second time;
 *    400 for an order not paid by invoice), with reference and paid_at;
 * 2. the vendor orders already delivered get their ledger rows released
 *    (available at the later of delivery + hold and now);
 * 3. the audit entry `invoice.paid` (a failed capture appends `invoice.paid_reverted`);
 * 4. Medusa captures the invoice payment for the amount due (the total less
 *    credits from refunds while the invoice was open): the last step that can
 *    fail, so a failure undoes 1–3;
 * 5. the event `invoice.paid` and the lock release, which cannot fail the flow.
 */
export const markInvoicePaidWorkflow = createWorkflow("mark-invoice-paid", (input: MarkInvoicePaidInput) => {
  const key = transform({ input }, ({ input }) => orderPaymentLockKey(input.order_id))
  acquireLockStep({ key, ...PAYMENT_LOCK })
  const payment = findOrderPaymentStep({ order_id: input.order_id })
  const invoice = markInvoicePaidStep({ order_id: input.order_id, reference: input.reference, payment })
  releaseInvoiceOrderFundsStep({ order_id: input.order_id })
  recordInvoicePaidAuditStep({ audit: input.audit, invoice, reference: input.reference })
  when({ invoice }, ({ invoice }) => MathBN.gt(invoice.amount_due, 0)).then(() => {
    capturePaymentWorkflow.runAsStep({
      input: transform({ payment, invoice, input }, ({ payment, invoice, input }) => ({
        payment_id: payment.id,
        amount: invoice.amount_due,
        captured_by: input.actor_id ?? undefined,
      })),
    })
  })
  composeAfterRefund(
    {
      name: "invoice.paid",
      data: transform({ invoice, input }, ({ invoice, input }) => ({
        id: invoice.id,
        order_id: invoice.order_id,
        company_id: invoice.company_id,
        amount: invoice.amount_due,
        currency_code: invoice.currency_code,
        reference: input.reference,
      })),
    },
    key
  )
  return new WorkflowResponse(invoice)
})
