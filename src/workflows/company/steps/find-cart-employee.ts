import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"

export type CartEmployee = { employee_id: string | null; lock_key: string[] }

/**
 * The company employee whose cart this is (none for a guest or a customer in
 * no company), and the key of the lock that serialises that employee's
 * checkouts: two carts of one employee completing at once must not both fit
 * under the spending limit. No employee, no key (acquireLockStep then takes
 * no lock). Runs under the cart lock, so the cart's customer cannot change.
 */
export const findCartEmployeeStep = createStep("find-cart-employee", async (input: { cart_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "customer_id"], filters: { id: input.cart_id } })
  const customerId = data[0]?.customer_id
  if (!customerId) return new StepResponse<CartEmployee>({ employee_id: null, lock_key: [] })
  const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
  const [employee] = await companies.listCompanyEmployees({ customer_id: customerId }, { select: ["id"], take: 1 })
  return new StepResponse<CartEmployee>({
    employee_id: employee?.id ?? null,
    lock_key: employee ? [`company-employee-checkout:${employee.id}`] : [],
  })
})
