import { defineLink } from "@medusajs/framework/utils"
import PricingModule from "@medusajs/medusa/pricing"
import VendorModule from "../modules/vendor"

// A vendor's company price lists (POST /vendor/price-lists): a vendor has many price lists; a price list made through
// the vendor API has exactly one vendor. A link table, as vendor ↔ product: the price list is Medusa's and has no
// column of ours, and the vendor scope (src/api/vendor/scope.ts) reads ownership from this table.
export default defineLink(VendorModule.linkable.vendor, {
  linkable: PricingModule.linkable.priceList,
  isList: true,
})
