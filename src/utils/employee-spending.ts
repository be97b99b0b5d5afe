import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { BigNumber, MathBN } from "@medusajs/framework/utils"
import { returnedToBuyer } from "../lib/company-spend"
import { rawAmount } from "../lib/money"
import { COMPANY_MODULE } from "../modules/company"
import type CompanyModuleService from "../modules/company/service"
import { VENDOR_MODULE } from "../modules/vendor"
import type VendorModuleService from "../modules/vendor/service"

/**
 * What an employee has spent since an instant, net of refunds: the totals of
 * the orders they placed for the company (company_order) minus, per vendor
 * order of those orders, what it gave back (src/lib/company-spend: its
 * refunds, or all of it once rejected or canceled). In the
 * company's currency: company_order rows of another currency are left out
 * (a limit is one currency; carts in another one are refused at checkout).
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
  if (!orders.length) return new BigNumber(0)
  let spent: BigNumberInput = 0
  for (const o of orders) spent = MathBN.add(spent, rawAmount(o as never, "total"))
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const vendorOrders = await vendors.listVendorOrders(
    { order_id: orders.map((o) => o.order_id) },
    { select: ["id", "order_id", "status", "total", "raw_total", "refunded_total", "raw_refunded_total"] as never }
  )
  for (const vo of vendorOrders) spent = MathBN.sub(spent, returnedToBuyer(vo as never))
  return new BigNumber(MathBN.max(spent, 0))
}
