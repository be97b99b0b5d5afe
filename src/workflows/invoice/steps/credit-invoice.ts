import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"

/**
 * The money step of a refund on an order whose invoice is still open (issue
 * 19): the company has paid nothing, so nothing is refunded; the refunded
 * amount is a credit that lowers what the invoice asks for (amount_due),
 * and an invoice with nothing left becomes void. Composed where the payment
 * refund would be (last step that can fail; under the order's payment
 * lock, which mark-invoice-paid holds too). Compensation takes the credit
 * back.
 */
export const creditInvoiceStep = createStep(
  "credit-invoice",
  async (input: { order_id: string; amount: string }, { container }) => {
    if (!MathBN.gt(input.amount, 0)) return new StepResponse(null, null)
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const invoice = await companies.creditInvoice(input.order_id, input.amount)
    if (!invoice) {
      // Read under the payment lock as open; only mark-invoice-paid (same lock) changes that. Refuse rather than lose the credit.
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${input.order_id} has no open invoice to credit.`)
    }
    return new StepResponse(invoice, { order_id: input.order_id, amount: input.amount })
  },
  async (credit, { container }) => {
    if (!credit) return
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await companies.creditInvoice(credit.order_id, MathBN.mult(credit.amount, -1).toFixed())
  }
)
