import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WISHLIST_MODULE } from "../../../modules/wishlist"
import type WishlistModuleService from "../../../modules/wishlist/service"

export type RemoveWishlistItemStepInput = { item_id: string; items: { id: string }[] }

/** Soft-deletes an item of the (already owned) list; an item of another list is 404. The compensation restores it. */
export const removeWishlistItemStep = createStep(
  "remove-wishlist-item",
  async (input: RemoveWishlistItemStepInput, { container }) => {
    if (!input.items.some((i) => i.id === input.item_id)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Wishlist item with id: ${input.item_id} was not found`)
    }
    const service: WishlistModuleService = container.resolve(WISHLIST_MODULE)
    await service.softDeleteWishlistItems(input.item_id)
    return new StepResponse(input.item_id, input.item_id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: WishlistModuleService = container.resolve(WISHLIST_MODULE)
    await service.restoreWishlistItems(id)
  }
)
