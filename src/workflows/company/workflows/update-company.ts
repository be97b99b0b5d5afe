import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { updateCompanyStep, type UpdateCompanyStepInput } from "../steps/update-company"

/**
 * The operator sets a company's status, payment terms or credit limit.
 * Suspension is recorded here; refusing a suspended company's checkouts is
 * the checkout's rule (next slice).
 */
export const updateCompanyWorkflow = createWorkflow("update-company", (input: UpdateCompanyStepInput) => {
  const company = updateCompanyStep(input)
  emitEventStep({ eventName: "company.updated", data: { id: input.id } })
  return new WorkflowResponse(company)
})
