import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { COMPANY_MODULE } from "../../../../../../../modules/company"
import type CompanyModuleService from "../../../../../../../modules/company/service"
import { sendOrderInvoice } from "../../../../../../../utils/invoice"
import { customerParam } from "../../../../../scope"
import { companyContext } from "../../../../helpers"

/**
 * GET /store/companies/me/orders/:id/invoice: the order's invoice as a PDF
 * (one section per vendor, each the seller of record). The store scope has
 * proved the order is one of the caller's company (else 404); company admins
 * get any of them, the other employees only the orders they placed (403).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const orderId = customerParam(req, "id")
  const { company, employee } = companyContext(req)
  if (employee.role !== "admin") {
    const companies: CompanyModuleService = req.scope.resolve(COMPANY_MODULE)
    const [placed] = await companies.listCompanyOrders({ order_id: orderId, company_id: company.id }, { select: ["customer_id"], take: 1 })
    if (placed?.customer_id !== employee.customer_id) {
      throw new MedusaError(
        MedusaError.Types.FORBIDDEN,
        "Only a company admin can download the invoice of an order another employee placed."
      )
    }
  }
  await sendOrderInvoice(req.scope, orderId, res)
}
