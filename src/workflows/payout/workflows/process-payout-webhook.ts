import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { applyPayoutWebhookStep } from "../steps/apply-payout-webhook"
import { recordAuditStep } from "../../audit/steps/record-audit"
import type { AuditContext } from "../../../modules/audit/types"
import type { PayoutWebhookAction } from "../../../modules/payout/types"

/**
 * A verified provider webhook, applied; the events it caused are emitted
 * once, and a change is recorded in the audit trail (actor: the system, with
 * the webhook request's id and address). A replayed or late event changes
 * nothing and records nothing.
 */
export const processPayoutWebhookWorkflow = createWorkflow(
  "process-payout-webhook",
  (input: { provider: string; action: PayoutWebhookAction; audit?: AuditContext }) => {
    const outcome = applyPayoutWebhookStep(transform({ input }, ({ input }) => ({ provider: input.provider, action: input.action })))
    emitEventStep({
      eventName: transform({ outcome }, ({ outcome }) => outcome.events[0]?.name ?? "payout.webhook_noop"),
      data: transform({ outcome }, ({ outcome }) => (outcome.events[0] ? [outcome.events[0].data] : [])),
    })
    recordAuditStep({
      audit: input.audit,
      entries: transform({ outcome }, ({ outcome }) => (outcome.audit ? [outcome.audit] : [])),
    })
    return new WorkflowResponse(outcome)
  }
)
