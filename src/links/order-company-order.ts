import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import CompanyModule from "../modules/company"

// order.company_order: the inverse of company-order-order, so an order (the
// admin's order page, a vendor order's master order, the analytics sync) reads
// its buying company with query.graph (order.company_order.company).
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id" },
  { ...CompanyModule.linkable.companyOrder.id, primaryKey: "order_id" },
  { readOnly: true }
)
