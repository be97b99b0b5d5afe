import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { decimalString, rawAmount } from "../../../lib/money"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import { readCartSnapshot } from "../utils/cart-snapshot"

export type CartApprovalRequest = {
  company_id: string
  employee_id: string
  customer_id: string
  cart_id: string
  cart_fingerprint: string
  cart_total: string
  currency_code: string
}

const refuse = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)

/**
 * Checks that an employee may ask for approval of a cart, and reads what the
 * approval will cover. Only the cart's own customer, an employee of an active
 * company with a threshold, for an open cart the threshold applies to
 * (above it, or in another currency): asking for a cart that needs no
 * approval is a 400 rather than a request nobody needs to answer. Reads only.
 */
export const loadCartApprovalRequestStep = createStep(
  "load-cart-approval-request",
  async (input: { cart_id: string; customer_id: string }, { container }) => {
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [employee] = await companies.listCompanyEmployees({ customer_id: input.customer_id }, { relations: ["company"], take: 1 })
    if (!employee?.company) throw new MedusaError(MedusaError.Types.NOT_FOUND, "You are not an employee of a company.")
    const company = employee.company
    if (company.status !== "active") throw refuse(`${company.name} is suspended on this marketplace; its employees cannot place orders.`)
    const cart = await readCartSnapshot(container, input.cart_id)
    if (cart.customer_id !== input.customer_id) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${input.cart_id}`)
    if (cart.completed_at) throw refuse("This cart is already completed.")
    const [settings] = await companies.listCompanyApprovalSettings({ company_id: company.id }, { take: 1 })
    if (!settings || settings.approval_threshold === null || settings.approval_threshold === undefined) {
      throw refuse(`${company.name} has no approval threshold; this cart can be completed without approval.`)
    }
    const threshold = rawAmount(settings as never, "approval_threshold")
    if (cart.currency_code === settings.currency_code && !MathBN.gt(cart.total, threshold)) {
      throw refuse(
        `This cart (${cart.currency_code.toUpperCase()} ${decimalString(cart.total, cart.currency_code)}) is not above the approval threshold of ${settings.currency_code.toUpperCase()} ${decimalString(threshold, settings.currency_code)}; it needs no approval.`
      )
    }
    return new StepResponse<CartApprovalRequest>({
      company_id: company.id,
      employee_id: employee.id,
      customer_id: input.customer_id,
      cart_id: cart.id,
      cart_fingerprint: cart.fingerprint,
      cart_total: decimalString(cart.total, cart.currency_code),
      currency_code: cart.currency_code,
    })
  }
)
