import { z } from "@medusajs/framework/zod"
import { WISHLIST_LIMITS } from "../../../../../modules/wishlist"

/** POST /store/customers/me/wishlists: a name of 1–100 characters (trimmed). The customer is the token's. */
export const StoreCreateWishlist = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "name must not be empty")
      .max(WISHLIST_LIMITS.nameMax, `name must be at most ${WISHLIST_LIMITS.nameMax} characters`),
  })
  .strict()
export type StoreCreateWishlistType = z.infer<typeof StoreCreateWishlist>

/** POST /store/customers/me/wishlists/:id/items */
export const StoreAddWishlistItem = z.object({ variant_id: z.string().min(1).max(100) }).strict()
export type StoreAddWishlistItemType = z.infer<typeof StoreAddWishlistItem>

/** POST /store/customers/me/wishlists/:id/add-to-cart */
export const StoreWishlistAddToCart = z.object({ cart_id: z.string().min(1).max(100) }).strict()
export type StoreWishlistAddToCartType = z.infer<typeof StoreWishlistAddToCart>

/**
 * The pricing context of a wishlist answer: a region (its currency, and its
 * price rules) or a bare currency. Without either, items carry price: null.
 */
export const StoreWishlistPricing = z
  .object({
    region_id: z.string().min(1).max(100).optional(),
    currency_code: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, "currency_code must be a three-letter ISO 4217 code")
      .transform((c) => c.toLowerCase())
      .optional(),
  })
  .strict()
export type StoreWishlistPricingType = z.infer<typeof StoreWishlistPricing>
