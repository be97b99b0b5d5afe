import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { settleManualPayoutStep, type SettleManualPayoutInput } from "../steps/settle-manual-payout"
import { loadPayoutsStep } from "../steps/load-payouts"

/** POST /admin/payouts/:id/mark-paid and /mark-failed. */
export const settleManualPayoutWorkflow = createWorkflow("settle-manual-payout", (input: SettleManualPayoutInput) => {
  settleManualPayoutStep(input)
  emitEventStep({
    eventName: transform({ input }, ({ input }) => (input.outcome === "paid" ? "payout.paid" : "payout.failed")),
    data: transform({ input }, ({ input }) => ({ id: input.id })),
  })
  const payouts = loadPayoutsStep({ ids: transform({ input }, ({ input }) => [input.id]) })
  return new WorkflowResponse(transform({ payouts }, ({ payouts }) => payouts[0]))
})
