import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import CompanyModule from "../modules/company"

// company_order.order: the Medusa order a company's employee placed. Read-only:
// the row stores order_id, written by the checkout in the same run as the order.
export default defineLink({ linkable: CompanyModule.linkable.companyOrder, field: "order_id" }, OrderModule.linkable.order, {
  readOnly: true,
})
