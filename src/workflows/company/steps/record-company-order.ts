import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumber, Modules } from "@medusajs/framework/utils"
import { paymentDueAt } from "../../../lib/invoice-terms"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { CompanyCheckout } from "./assert-company-checkout-allowed"

/**
 * Records an employee's new order for the company (company_order), inside the
 * checkout and under the employee's checkout lock, so the next checkout's
 * spending check sees it. Idempotent for a retried complete (the order is
 * recorded once, unique order_id). Compensation removes the row it wrote.
 *
 * An order paid by invoice is recorded with its open invoice (issue 19):
 * payment_terms, payment_due_at = placed_at + 15/30/60 days, amount_due =
 * the total; the order gets `metadata.payment_due_at` (ISO) as well.
 */
export const recordCompanyOrderStep = createStep(
  "record-company-order",
  async (input: { checkout: CompanyCheckout; order_id: string }, { container }) => {
    if (!input.checkout) return new StepResponse(null, null)
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [existing] = await companies.listCompanyOrders({ order_id: input.order_id }, { select: ["id"], take: 1 })
    if (existing) return new StepResponse(existing.id, null)
    const { company_id, employee_id, customer_id, cart_id, currency_code, total, invoice_terms } = input.checkout
    const placedAt = new Date()
    const dueAt = invoice_terms ? paymentDueAt(placedAt, invoice_terms) : null
    if (dueAt) {
      const orders = container.resolve(Modules.ORDER)
      const order = await orders.retrieveOrder(input.order_id, { select: ["id", "metadata"] })
      await orders.updateOrders(input.order_id, { metadata: { ...(order.metadata ?? {}), payment_due_at: dueAt.toISOString() } })
    }
    const invoice = dueAt
      ? {
          payment_terms: invoice_terms,
          payment_due_at: dueAt,
          invoice_status: "open" as const,
          amount_due: new BigNumber(total) as unknown as number,
          amount_credited: new BigNumber(0) as unknown as number,
        }
      : {}
    const row = await companies.createCompanyOrders({
      ...invoice,
      company_id,
      employee_id,
      customer_id,
      cart_id,
      currency_code,
      // DML types a bigNumber column as number; it stores a BigNumber exactly.
      total: new BigNumber(total) as unknown as number,
      order_id: input.order_id,
      placed_at: placedAt,
    })
    return new StepResponse(row.id, row.id)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await companies.deleteCompanyOrders([createdId])
  }
)
