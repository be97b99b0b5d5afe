import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WISHLIST_MODULE } from "../../../modules/wishlist"
import type WishlistModuleService from "../../../modules/wishlist/service"

export type LoadOwnWishlistInput = { wishlist_id: string; customer_id: string }

/** The caller's wishlist with its items; another customer's (or a missing) one is 404 with the same message. */
export const loadOwnWishlistStep = createStep("load-own-wishlist", async (input: LoadOwnWishlistInput, { container }) => {
  const service: WishlistModuleService = container.resolve(WISHLIST_MODULE)
  const [wishlist] = await service.listWishlists(
    { id: input.wishlist_id, customer_id: input.customer_id },
    { relations: ["items"], take: 1 }
  )
  if (!wishlist) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Wishlist with id: ${input.wishlist_id} was not found`)
  return new StepResponse({
    id: wishlist.id,
    customer_id: wishlist.customer_id,
    items: (wishlist.items ?? []).map((i) => ({ id: i.id, variant_id: i.variant_id })),
  })
})
