import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import WishlistModule from "../modules/wishlist"

// wishlist_item.variant: the product variant, its product, vendor and price in one
// query.graph. Read-only: the item already stores variant_id, so no link table.
export default defineLink({ linkable: WishlistModule.linkable.wishlistItem, field: "variant_id" }, ProductModule.linkable.productVariant, {
  readOnly: true,
})
