import { model } from "@medusajs/framework/utils"
import { WishlistItem } from "./wishlist-item"

/**
 * A customer's named list of variants ("Office Berlin", "Monthly supplies").
 * customer_id is a plain column with a read-only link to Medusa's customer
 * (src/links/wishlist-customer.ts): every read and write filters on it, so a
 * join table would only add a query. Names are unique per customer (among
 * lists not deleted): two lists called the same are indistinguishable in a
 * storefront menu.
 */
export const Wishlist = model
  .define("wishlist", {
    id: model.id({ prefix: "wl" }).primaryKey(),
    customer_id: model.text(),
    name: model.text(),
    items: model.hasMany(() => WishlistItem, { mappedBy: "wishlist" }),
  })
  .cascades({ delete: ["items"] })
  .indexes([
    { on: ["customer_id"], where: "deleted_at IS NULL" },
    { on: ["customer_id", "name"], unique: true, where: "deleted_at IS NULL" },
  ])
