import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BigNumber } from "@medusajs/framework/utils"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import type { CompanyCheckout } from "./assert-company-checkout-allowed"

/**
 * Records an employee's new order for the company (company_order), inside the
 * checkout and under the employee's checkout lock, so the next checkout's
 * spending check sees it. Idempotent for a retried complete (the order is
 * recorded once, unique order_id). Compensation removes the row it wrote.
 */
export const recordCompanyOrderStep = createStep(
  "record-company-order",
  async (input: { checkout: CompanyCheckout; order_id: string }, { container }) => {
    if (!input.checkout) return new StepResponse(null, null)
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    const [existing] = await companies.listCompanyOrders({ order_id: input.order_id }, { select: ["id"], take: 1 })
    if (existing) return new StepResponse(existing.id, null)
    const { company_id, employee_id, customer_id, cart_id, currency_code, total } = input.checkout
    const row = await companies.createCompanyOrders({
      company_id,
      employee_id,
      customer_id,
      cart_id,
      currency_code,
      // DML types a bigNumber column as number; it stores a BigNumber exactly.
      total: new BigNumber(total) as unknown as number,
      order_id: input.order_id,
      placed_at: new Date(),
    })
    return new StepResponse(row.id, row.id)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
    await companies.deleteCompanyOrders([createdId])
  }
)
