import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import WishlistModule from "../modules/wishlist"

// wishlist.customer: read-only over the wishlist's customer_id (every read filters on it; no link table).
export default defineLink({ linkable: WishlistModule.linkable.wishlist, field: "customer_id" }, CustomerModule.linkable.customer, {
  readOnly: true,
})
