import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { decideCartApprovalStep, type CartApprovalDecision } from "../steps/decide-cart-approval"

/** An approver or admin approves or rejects a cart; the requester is e-mailed (company_approval.decided). */
export const decideCartApprovalWorkflow = createWorkflow("decide-cart-approval", (input: CartApprovalDecision) => {
  const approval = decideCartApprovalStep(input)
  emitEventStep({
    eventName: "company_approval.decided",
    data: transform({ approval }, ({ approval }) => ({ id: approval.id, company_id: approval.company_id, status: approval.status })),
  })
  return new WorkflowResponse(approval)
})
