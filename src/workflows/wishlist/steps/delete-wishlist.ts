import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WISHLIST_MODULE } from "../../../modules/wishlist"
import type WishlistModuleService from "../../../modules/wishlist/service"

/** Soft-deletes a list and its items (cascade); the compensation restores them. The caller checked ownership. */
export const deleteWishlistStep = createStep(
  "delete-wishlist",
  async (id: string, { container }) => {
    const service: WishlistModuleService = container.resolve(WISHLIST_MODULE)
    await service.softDeleteWishlists(id)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: WishlistModuleService = container.resolve(WISHLIST_MODULE)
    await service.restoreWishlists(id)
  }
)
