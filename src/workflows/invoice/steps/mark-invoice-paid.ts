import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { stateConflict } from "../../../lib/errors/state-conflict"
import { INVOICE_PAYMENT_PROVIDER } from "../../../lib/invoice-terms"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { OrderPayment } from "../../vendor-order/steps/find-order-payment"

export type PaidInvoice = { id: string; order_id: string; company_id: string; currency_code: string; amount_due: string }

/**
 * Records that the company paid an order's invoice: open → paid by
 * compare-and-set (a second call, or two operators at once: 409), with the
 * payment's reference and time. An order not paid by invoice is 400.
 * Runs under the order's payment lock; compensation opens the invoice again
 * (the capture after it failed).
 */
export const markInvoicePaidStep = createStep(
  "mark-invoice-paid",
  async (input: { order_id: string; reference: string; payment: OrderPayment }, { container }) => {
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [invoice] = await companies.listCompanyOrders(
      { order_id: input.order_id },
      { select: ["id", "order_id", "company_id", "currency_code", "invoice_status"], take: 1 }
    )
    if (!invoice?.invoice_status || input.payment.provider_id !== INVOICE_PAYMENT_PROVIDER) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Order ${input.order_id} is not paid by invoice.`)
    }
    if (invoice.invoice_status !== "open") {
      throw stateConflict(`The invoice of order ${input.order_id} is ${invoice.invoice_status}, not open; it cannot be marked paid.`)
    }
    const paid = await companies.markInvoicePaid(input.order_id, { reference: input.reference, paid_at: new Date() })
    if (!paid) throw stateConflict(`The invoice of order ${input.order_id} was marked paid or void meanwhile.`)
    const result: PaidInvoice = {
      id: paid.id,
      order_id: input.order_id,
      company_id: invoice.company_id as string,
      currency_code: invoice.currency_code,
      amount_due: paid.amount_due,
    }
    return new StepResponse(result, input.order_id)
  },
  async (orderId, { container }) => {
    if (!orderId) return
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await companies.reopenInvoice(orderId)
  }
)
