import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WISHLIST_LIMITS, WISHLIST_MODULE } from "../../../modules/wishlist"
import type WishlistModuleService from "../../../modules/wishlist/service"

export type AddWishlistItemStepInput = { wishlist_id: string; variant_id: string; items: { id: string; variant_id: string }[] }

/**
 * Puts a variant on a list once: a variant already there is the existing
 * item (nothing written); a 501st item is refused. The compensation deletes
 * the item it created.
 */
export const addWishlistItemStep = createStep(
  "add-wishlist-item",
  async (input: AddWishlistItemStepInput, { container }) => {
    const present = input.items.find((i) => i.variant_id === input.variant_id)
    if (present) return new StepResponse(present, null)
    if (input.items.length >= WISHLIST_LIMITS.itemsPerList) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `A wishlist holds at most ${WISHLIST_LIMITS.itemsPerList} items. Remove one or use another list.`
      )
    }
    const service: WishlistModuleService = container.resolve(WISHLIST_MODULE)
    try {
      const item = await service.createWishlistItems({ wishlist_id: input.wishlist_id, variant_id: input.variant_id })
      return new StepResponse({ id: item.id, variant_id: item.variant_id }, item.id)
    } catch (e) {
      // Two adds of the same variant at once: the unique index refused the second; it is the same item.
      const [raced] = await service.listWishlistItems({ wishlist_id: input.wishlist_id, variant_id: input.variant_id }, { take: 1 })
      if (!raced) throw e
      return new StepResponse({ id: raced.id, variant_id: raced.variant_id }, null)
    }
  },
  async (id, { container }) => {
    if (!id) return
    const service: WishlistModuleService = container.resolve(WISHLIST_MODULE)
    await service.deleteWishlistItems(id)
  }
)
