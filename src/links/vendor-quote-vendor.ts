import { defineLink } from "@medusajs/framework/utils"
import QuoteModule from "../modules/quote"
import VendorModule from "../modules/vendor"

// vendor_quote.vendor: the vendor a part of a quote is for, so the buyer's
// quote reads each vendor's handle and name with query.graph. Read-only: the
// row stores vendor_id, as vendor_order does.
export default defineLink({ linkable: QuoteModule.linkable.vendorQuote, field: "vendor_id" }, VendorModule.linkable.vendor, {
  readOnly: true,
})
