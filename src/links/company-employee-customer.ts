import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CompanyModule from "../modules/company"

// company_employee.customer: read-only over the employee's customer_id (unique among employees: one company per customer).
export default defineLink({ linkable: CompanyModule.linkable.companyEmployee, field: "customer_id" }, CustomerModule.linkable.customer, {
  readOnly: true,
})
