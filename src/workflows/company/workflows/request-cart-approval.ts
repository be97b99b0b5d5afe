import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createCartApprovalStep } from "../steps/create-cart-approval"
import { loadCartApprovalRequestStep } from "../steps/load-cart-approval-request"

/**
 * An employee asks the company's approvers to approve a cart above the
 * threshold (POST /store/carts/:id/approvals). A new request is announced
 * (company_approval.requested) so approvers are e-mailed.
 */
export const requestCartApprovalWorkflow = createWorkflow("request-cart-approval", (input: { cart_id: string; customer_id: string }) => {
  const request = loadCartApprovalRequestStep(input)
  const result = createCartApprovalStep(request)
  when({ result }, ({ result }) => result.created).then(() => {
    emitEventStep({
      eventName: "company_approval.requested",
      data: transform({ result }, ({ result }) => ({ id: result.approval.id, company_id: result.approval.company_id })),
    })
  })
  return new WorkflowResponse(transform({ result }, ({ result }) => result.approval))
})
