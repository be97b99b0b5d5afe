import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import VendorModule from "../modules/vendor"

// The vendor's buyers: many customers per vendor, many vendors per customer.
export default defineLink(
  { linkable: VendorModule.linkable.vendor, isList: true },
  { linkable: CustomerModule.linkable.customer, isList: true }
)
