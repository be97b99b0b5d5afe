import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { BigNumber, MathBN } from "@medusajs/framework/utils"
import { netSpend } from "../lib/company-spend"
import { rawAmount } from "../lib/money"
import { COMPANY_MODULE } from "../modules/company"
import type CompanyModuleService from "../modules/company/service"
import { returnedForOrders } from "./company-spend-reads"

/**
 * What an employee has spent since an instant, net of refunds: for each
 * order they placed for the company (company_order), its total at placement
 * minus what its vendor orders gave back (src/lib/company-spend: its
 * refunds, or all of it once rejected or canceled). In the company's
 * currency: company_order rows of another currency are left out (a limit is
 * one currency; carts in another one are refused at checkout).
 */
export async function employeeSpending(
  container: MedusaContainer,
  input: { employee_id: string; since: Date; currency_code: string }
): Promise<BigNumber> {
  const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
  const orders = await companies.listCompanyOrders(
    { employee_id: input.employee_id, currency_code: input.currency_code, placed_at: { $gte: input.since } },
    { select: ["id", "order_id", "total", "raw_total"] as never }
  )
  const returned = await returnedForOrders(
    container,
    orders.map((o) => o.order_id)
  )
  let spent: BigNumberInput = 0
  for (const o of orders) spent = MathBN.add(spent, netSpend(rawAmount(o as never, "total"), returned.get(o.order_id)))
  return new BigNumber(spent)
}
