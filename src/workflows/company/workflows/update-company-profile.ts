import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, updateCustomerGroupsStep } from "@medusajs/medusa/core-flows"
import { updateCompanyStep } from "../steps/update-company"

export type UpdateCompanyProfileInput = {
  id: string
  customer_group_id: string | null
  name?: string
  email?: string
  phone?: string | null
  tax_id?: string | null
  timezone?: string
}

/**
 * POST /store/companies/me (company admins): name, e-mail, phone, tax id and
 * time zone. A new name renames the company's customer group too, which
 * carries it (decision 67), with Medusa's own step and its compensation.
 */
export const updateCompanyProfileWorkflow = createWorkflow("update-company-profile", (input: UpdateCompanyProfileInput) => {
  const company = updateCompanyStep(
    transform({ input }, ({ input }) => {
      const { customer_group_id, ...profile } = input
      return profile
    })
  )
  when({ input }, ({ input }) => !!input.name && !!input.customer_group_id).then(() => {
    updateCustomerGroupsStep(
      transform({ input }, ({ input }) => ({
        selector: { id: input.customer_group_id as string },
        update: { name: `${input.name} (${input.id})` },
      }))
    )
  })
  emitEventStep({ eventName: "company.updated", data: { id: input.id } })
  return new WorkflowResponse(company)
})
