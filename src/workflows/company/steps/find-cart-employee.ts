import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ICartModuleService, IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
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
  // Two independent chains read at once (this runs on every checkout, before Medusa's completion):
  // the cart's customer and their employee row, and the cart's payment sessions through the link.
  const [employee, paysByInvoice] = await Promise.all([findEmployee(container, input.cart_id), cartPaysByInvoice(container, input.cart_id)])
  const keys = employee ? [`company-employee-checkout:${employee.id}`] : []
  if (employee && paysByInvoice) keys.push(companyInvoiceLockKey(employee.company_id as string))
  return new StepResponse<CartEmployee>({ employee_id: employee?.id ?? null, pays_by_invoice: paysByInvoice, lock_key: keys })
})

async function findEmployee(container: MedusaContainer, cartId: string) {
  const carts: ICartModuleService = container.resolve(Modules.CART)
  const [cart] = await carts.listCarts({ id: cartId }, { select: ["id", "customer_id"], take: 1 })
  if (!cart?.customer_id) return null
  const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
  const [employee] = await companies.listCompanyEmployees({ customer_id: cart.customer_id }, { select: ["id", "company_id"], take: 1 })
  return employee ?? null
}

async function cartPaysByInvoice(container: MedusaContainer, cartId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["payment_collection_id"],
    filters: { cart_id: cartId },
  })
  const collectionIds = (links as { payment_collection_id?: string }[]).flatMap((l) =>
    l.payment_collection_id ? [l.payment_collection_id] : []
  )
  if (!collectionIds.length) return false
  const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
  const sessions = await payments.listPaymentSessions({ payment_collection_id: collectionIds }, { select: ["id", "provider_id"] })
  return sessions.some((s) => s.provider_id === INVOICE_PAYMENT_PROVIDER)
}
