import { MedusaService } from "@medusajs/framework/utils"
import { Wishlist } from "./models/wishlist"
import { WishlistItem } from "./models/wishlist-item"

/** Customers' wishlists. Writes go through src/workflows/wishlist; routes read with query.graph. */
class WishlistModuleService extends MedusaService({ Wishlist, WishlistItem }) {}

export default WishlistModuleService
