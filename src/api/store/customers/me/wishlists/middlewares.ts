import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../../utils/validation"
import { StoreAddWishlistItem, StoreCreateWishlist, StoreWishlistAddToCart, StoreWishlistPricing } from "./validators"

// Medusa authenticates /store/customers/me* as the customer; the customer is always the token's.
export const storeWishlistRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/customers/me/wishlists", method: ["POST"], middlewares: [validateBody(StoreCreateWishlist)] },
  {
    matcher: "/store/customers/me/wishlists/:id",
    method: ["GET", "DELETE"],
    middlewares: [validateQuery(StoreWishlistPricing)],
  },
  {
    matcher: "/store/customers/me/wishlists/:id/items",
    method: ["POST"],
    middlewares: [validateQuery(StoreWishlistPricing), validateBody(StoreAddWishlistItem)],
  },
  {
    matcher: "/store/customers/me/wishlists/:id/items/:item_id",
    method: ["DELETE"],
    middlewares: [validateQuery(StoreWishlistPricing)],
  },
  {
    matcher: "/store/customers/me/wishlists/:id/add-to-cart",
    method: ["POST"],
    middlewares: [validateBody(StoreWishlistAddToCart)],
  },
]
