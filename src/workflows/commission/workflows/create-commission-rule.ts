import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createCommissionRuleStep } from "../steps/create-commission-rule"

export const createCommissionRuleWorkflow = createWorkflow("create-commission-rule", (input: Record<string, unknown>) => {
  const rule = createCommissionRuleStep(input)
  emitEventStep({ eventName: "commission_rule.created", data: { id: rule.id } })
  return new WorkflowResponse(rule)
})
