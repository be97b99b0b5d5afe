import { defineLink } from "@medusajs/framework/utils"
import FulfillmentModule from "@medusajs/medusa/fulfillment"
import VendorModule from "../modules/vendor"

// Each vendor has its own shipping profile, so Medusa's cart asks for one
// shipping method per vendor.
export default defineLink(VendorModule.linkable.vendor, FulfillmentModule.linkable.shippingProfile)
