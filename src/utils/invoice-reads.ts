import type { MedusaContainer } from "@medusajs/framework/types"
import { COMPANY_MODULE } from "../modules/company"
import type CompanyModuleService from "../modules/company/service"

/**
 * Whether an order's invoice is still open (placed on payment terms, not
 * paid yet, issue 19): its vendors' money must wait — no release of their
 * ledger rows, so no payout — until mark-invoice-paid. Orders paid
 * otherwise (and void invoices, where nothing is owed) are not held.
 */
export async function invoiceHoldsOrder(container: MedusaContainer, orderId: string): Promise<boolean> {
  const companies: CompanyModuleService = container.resolve(COMPANY_MODULE)
  const [row] = await companies.listCompanyOrders({ order_id: orderId, invoice_status: "open" }, { select: ["id"], take: 1 })
  return !!row
}
