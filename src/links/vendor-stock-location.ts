import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import VendorModule from "../modules/vendor"

// Approval creates the vendor's own stock location.
export default defineLink(VendorModule.linkable.vendor, {
  linkable: StockLocationModule.linkable.stockLocation,
  isList: true,
})
