import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INVOICE_PAYMENT_PROVIDER } from "../../../lib/invoice-terms"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"

export type CartEmployee = { employee_id: string | null; pays_by_invoice: boolean; lock_key: string[] }

/** The lock that serialises one company's invoice checkouts (its credit limit is shared by all its employees). */
export const companyInvoiceLockKey = (companyId: string) => `company-invoice-checkout:${companyId}`

/**
 * The company employee whose cart this is (none for a guest or a customer in
 * no company), whether the cart pays by invoice (its payment session is
 * pp_invoice_invoice), and the keys of the locks that serialise the
 * checkouts that must see each other:
 * - `company-employee-checkout:<employee>`: two carts of one employee must
 *   not both fit under the employee's spending limit;
 * - `company-invoice-checkout:<company>` as well when the cart pays by
 *   invoice: two employees of one company must not both fit under the
 *   company's credit limit (issue 19).
 * No employee, no key (acquireLockStep then takes no lock); a guest's cart
 * that asks for an invoice gets no key either and is refused by the
 * company step. Runs under the cart lock, so the cart's customer and
 * payment session cannot change.
 */
export const findCartEmployeeStep = createStep("find-cart-employee", async (input: { cart_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "payment_collection.payment_sessions.provider_id"],
    filters: { id: input.cart_id },
  })
  const cart = data[0]
  const paysByInvoice = (cart?.payment_collection?.payment_sessions ?? []).some((s) => s?.provider_id === INVOICE_PAYMENT_PROVIDER)
  const customerId = cart?.customer_id
  if (!customerId) return new StepResponse<CartEmployee>({ employee_id: null, pays_by_invoice: paysByInvoice, lock_key: [] })
  const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
  const [employee] = await companies.listCompanyEmployees({ customer_id: customerId }, { select: ["id", "company_id"], take: 1 })
  const keys = employee ? [`company-employee-checkout:${employee.id}`] : []
  if (employee && paysByInvoice) keys.push(companyInvoiceLockKey(employee.company_id as string))
  return new StepResponse<CartEmployee>({ employee_id: employee?.id ?? null, pays_by_invoice: paysByInvoice, lock_key: keys })
})
