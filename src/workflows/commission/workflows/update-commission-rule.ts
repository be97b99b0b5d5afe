import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { updateCommissionRuleStep } from "../steps/update-commission-rule"

export const updateCommissionRuleWorkflow = createWorkflow(
  "update-commission-rule",
  (input: { id: string; update: Record<string, unknown> }) => {
    const rule = updateCommissionRuleStep(input)
    emitEventStep({ eventName: "commission_rule.updated", data: { id: input.id } })
    return new WorkflowResponse(rule)
  }
)
