import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditContext } from "../../../modules/audit/types"
import { appendAuditEntries } from "../../audit/steps/record-audit"
import type { PaidInvoice } from "./mark-invoice-paid"

type Input = { audit?: AuditContext | null; invoice: PaidInvoice; reference: string }

const entry = (input: Input, reverted: boolean) => {
  const open = { invoice_status: "open", payment_reference: null }
  const paid = { invoice_status: "paid", payment_reference: input.reference }
  const context = { order_id: input.invoice.order_id, amount_due: input.invoice.amount_due, currency_code: input.invoice.currency_code }
  return {
    action: reverted ? "invoice.paid_reverted" : "invoice.paid",
    target_type: "invoice",
    target_id: input.invoice.id,
    vendor_id: null,
    before: { ...(reverted ? paid : open), ...context },
    after: { ...(reverted ? open : paid), ...context },
  }
}

/**
 * The `invoice.paid` audit entry (issue 19), written before the capture,
 * the step that can still fail after it: the trail is append-only, so a
 * failed capture appends `invoice.paid_reverted` (the refund flows' pattern,
 * decision 49), and no invoice is paid without its entry.
 */
export const recordInvoicePaidAuditStep = createStep(
  "record-invoice-paid-audit",
  async (input: Input, { container }) => {
    return new StepResponse(await appendAuditEntries(container, input.audit, entry(input, false)), input)
  },
  async (input, { container }) => {
    if (!input) return
    await appendAuditEntries(container, input.audit, entry(input, true))
  }
)
