import { Module } from "@medusajs/framework/utils"
import WishlistModuleService from "./service"

export const WISHLIST_MODULE = "wishlist"

/** Limits of one customer's lists (decision in the handoff: name 1–100 characters, 50 lists, 500 items per list). */
export const WISHLIST_LIMITS = { nameMax: 100, listsPerCustomer: 50, itemsPerList: 500 } as const

export default Module(WISHLIST_MODULE, {
  service: WishlistModuleService,
})
