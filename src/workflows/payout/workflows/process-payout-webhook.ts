import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { applyPayoutWebhookStep } from "../steps/apply-payout-webhook"
import type { PayoutWebhookAction } from "../../../modules/payout/types"

/** A verified provider webhook, applied; the events it caused are emitted once. */
export const processPayoutWebhookWorkflow = createWorkflow(
  "process-payout-webhook",
  (input: { provider: string; action: PayoutWebhookAction }) => {
    const outcome = applyPayoutWebhookStep(input)
    emitEventStep({
      eventName: transform({ outcome }, ({ outcome }) => outcome.events[0]?.name ?? "payout.webhook_noop"),
      data: transform({ outcome }, ({ outcome }) => (outcome.events[0] ? [outcome.events[0].data] : [])),
    })
    return new WorkflowResponse(outcome)
  }
)
