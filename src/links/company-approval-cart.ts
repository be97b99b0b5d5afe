import { defineLink } from "@medusajs/framework/utils"
import CartModule from "@medusajs/medusa/cart"
import CompanyModule from "../modules/company"

// company_approval.cart: the cart an approval covers (read-only over cart_id), so approvers see what they approve.
export default defineLink({ linkable: CompanyModule.linkable.companyApproval, field: "cart_id" }, CartModule.linkable.cart, {
  readOnly: true,
})
