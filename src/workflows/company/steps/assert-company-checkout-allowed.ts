import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { decimalString, rawAmount } from "../../../lib/money"
import { periodStart } from "../../../lib/spending-period"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import { readCartSnapshot } from "../utils/cart-snapshot"
import { employeeSpending } from "../../../utils/employee-spending"
import { paysByInvoice, type InvoiceTerms } from "../../../lib/invoice-terms"

/** What the checkout records for the company once the order exists (null: not an employee's cart). */
export type CompanyCheckout = {
  company_id: string
  employee_id: string
  customer_id: string
  cart_id: string
  currency_code: string
  total: string
  /** The company's payment terms when the cart pays by invoice (pp_invoice_invoice); null otherwise. */
  invoice_terms: InvoiceTerms | null
} | null

const refuse = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
const money = (amount: BigNumberInput, currency: string) => `${currency.toUpperCase()} ${decimalString(amount, currency)}`
const PERIOD_WORDS = { order: "per order", week: "this week", month: "this month" } as const
export const INVOICE_NOT_OFFERED =
  "Payment by invoice is only for employees of companies that buy on payment terms; choose another payment method."

/**
 * The company's rules for an employee's checkout, checked under the cart lock
 * and the employee's checkout lock, before Medusa creates the order. Each
 * refusal is a 400 (not_allowed) and nothing is written:
 * - a suspended company's employees cannot check out;
 * - a cart above the company's approval threshold needs an approved approval
 *   whose fingerprint is the cart's as it is now (a changed cart voids it);
 * - the employee's spending in the current period (calendar week or month in
 *   the company's time zone; placed orders minus refunds) plus this cart must
 *   not pass their spending limit;
 * - a cart paying by invoice (pp_invoice_invoice) must be an employee's of a
 *   company whose terms are not prepaid, and the company's open invoices
 *   (amounts due) plus this cart must not pass its credit limit (null: no
 *   limit; 0: no credit). The caller holds the company's invoice lock then.
 * A cart already completed (a retried complete) is not checked again.
 */
export const assertCompanyCheckoutAllowedStep = createStep(
  "assert-company-checkout-allowed",
  async (input: { cart_id: string; employee_id: string | null; pays_by_invoice?: boolean }, { container }) => {
    if (!input.employee_id) {
      if (input.pays_by_invoice) await refuseInvoiceUnlessCompleted(container, input.cart_id)
      return new StepResponse<CompanyCheckout>(null)
    }
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [employee] = await companies.listCompanyEmployees({ id: input.employee_id }, { relations: ["company"], take: 1 })
    const company = employee?.company
    if (!employee || !company) {
      if (input.pays_by_invoice) await refuseInvoiceUnlessCompleted(container, input.cart_id)
      return new StepResponse<CompanyCheckout>(null)
    }
    const invoiceTerms = input.pays_by_invoice && paysByInvoice(company.payment_terms) ? company.payment_terms : null
    // The cart, the approval rule and the period's spending do not depend on each other: read at once.
    const limited = employee.spending_limit !== null && employee.spending_limit !== undefined
    const period = employee.spending_period ?? "order"
    const since = limited ? periodStart(period, company.timezone) : null
    const [cart, [settings], spentBefore] = await Promise.all([
      readCartSnapshot(container, input.cart_id),
      companies.listCompanyApprovalSettings({ company_id: company.id }, { take: 1 }),
      since ? employeeSpending(container, { employee_id: employee.id, since, currency_code: company.currency_code }) : null,
    ])
    const limitsCredit = invoiceTerms && company.credit_limit !== null && company.credit_limit !== undefined
    const checkout: CompanyCheckout = {
      company_id: company.id,
      employee_id: employee.id,
      customer_id: employee.customer_id,
      cart_id: cart.id,
      currency_code: cart.currency_code,
      total: decimalString(cart.total, cart.currency_code),
      invoice_terms: invoiceTerms,
    }
    if (cart.completed_at) return new StepResponse(checkout)
    if (input.pays_by_invoice && !invoiceTerms) throw refuse(INVOICE_NOT_OFFERED)

    if (company.status !== "active") {
      throw refuse(`${company.name} is suspended on this marketplace; its employees cannot place orders. Contact the marketplace.`)
    }

    const threshold = settings?.approval_threshold
    if (settings && threshold !== null && threshold !== undefined) {
      const above =
        cart.currency_code !== settings.currency_code || MathBN.gt(cart.total, rawAmount(settings as never, "approval_threshold"))
      if (above) {
        const [approval] = await companies.listCompanyApprovals({ cart_id: cart.id, status: ["pending", "approved"] }, { take: 1 })
        if (!approval || approval.status === "pending") {
          throw refuse(
            approval
              ? "This cart is waiting for approval; it can be completed once an approver of your company approves it."
              : `Carts above ${money(rawAmount(settings as never, "approval_threshold"), settings.currency_code)} need an approval from your company: ask for one with POST /store/carts/${cart.id}/approvals.`
          )
        }
        if (approval.cart_fingerprint !== cart.fingerprint) {
          // The cart changed after the approval: it covered another cart. Voided for good (compare-and-set on approved).
          await companies.voidStaleApproval(approval.id)
          throw refuse("This cart changed after it was approved, so the approval no longer covers it; ask for a new approval.")
        }
      }
    }

    if (limited) {
      const limit = rawAmount(employee as never, "spending_limit")
      if (cart.currency_code !== company.currency_code) {
        throw refuse(
          `Your spending limit is in ${company.currency_code.toUpperCase()}; this cart is in ${cart.currency_code.toUpperCase()}.`
        )
      }
      const spent = spentBefore ?? 0
      const after = MathBN.add(spent, cart.total)
      if (MathBN.gt(after, limit)) {
        const left = MathBN.max(MathBN.sub(limit, spent), 0)
        const c = company.currency_code
        throw refuse(
          period === "order"
            ? `This order (${money(cart.total, c)}) is above your spending limit of ${money(limit, c)} per order.`
            : `This order (${money(cart.total, c)}) would take your spending ${PERIOD_WORDS[period]} to ${money(after, c)}, above your limit of ${money(limit, c)} (${money(left, c)} left).`
        )
      }
    }

    if (limitsCredit) {
      const limit = rawAmount(company as never, "credit_limit")
      const c = company.currency_code
      if (cart.currency_code !== c) {
        throw refuse(`${company.name}'s credit limit is in ${c.toUpperCase()}; this cart is in ${cart.currency_code.toUpperCase()}.`)
      }
      const open = await companies.openInvoiceExposure(company.id, c)
      const after = MathBN.add(open, cart.total)
      if (MathBN.gt(after, limit)) {
        const left = MathBN.max(MathBN.sub(limit, open), 0)
        throw refuse(
          `This order (${money(cart.total, c)}) would take ${company.name}'s open invoices to ${money(after, c)}, above its credit limit of ${money(limit, c)} (${money(left, c)} left). Pay open invoices first or choose another payment method.`
        )
      }
    }
    return new StepResponse(checkout)
  }
)

/** A cart that is not an employee's may not pay by invoice (a retried complete of a completed cart is left alone). */
async function refuseInvoiceUnlessCompleted(container: any, cartId: string) {
  const cart = await readCartSnapshot(container, cartId)
  if (!cart.completed_at) throw refuse(INVOICE_NOT_OFFERED)
}
