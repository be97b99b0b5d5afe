import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CompanyModule from "../modules/company"

// company.customer_group: read-only over customer_group_id, the group that holds every employee (price lists target it).
export default defineLink({ linkable: CompanyModule.linkable.company, field: "customer_group_id" }, CustomerModule.linkable.customerGroup, {
  readOnly: true,
})
