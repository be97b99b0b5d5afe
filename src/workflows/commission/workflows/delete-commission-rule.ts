import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { deleteCommissionRuleStep } from "../steps/delete-commission-rule"

export const deleteCommissionRuleWorkflow = createWorkflow("delete-commission-rule", (input: { id: string }) => {
  deleteCommissionRuleStep(input.id)
  emitEventStep({ eventName: "commission_rule.deleted", data: { id: input.id } })
  return new WorkflowResponse({ id: input.id })
})
