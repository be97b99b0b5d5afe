import { model } from "@medusajs/framework/utils"
import { Wishlist } from "./wishlist"

/**
 * One variant on a list. variant_id has a read-only link to Medusa's product
 * variant (src/links/wishlist-item-variant.ts), so query.graph reads the
 * product, its vendor and the price in the same call. The same variant is on
 * a list once (unique index; adding it again returns the existing item).
 */
export const WishlistItem = model
  .define("wishlist_item", {
    id: model.id({ prefix: "wli" }).primaryKey(),
    variant_id: model.text(),
    wishlist: model.belongsTo(() => Wishlist, { mappedBy: "items" }),
  })
  .indexes([{ on: ["wishlist_id", "variant_id"], unique: true, where: "deleted_at IS NULL" }])
