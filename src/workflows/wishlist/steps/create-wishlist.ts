import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WISHLIST_LIMITS, WISHLIST_MODULE } from "../../../modules/wishlist"
import type WishlistModuleService from "../../../modules/wishlist/service"

export type CreateWishlistStepInput = { customer_id: string; name: string }

/**
 * Creates one of the customer's lists. Refused before writing: a 51st list,
 * or a name the customer already uses (the unique index backs this up).
 * The compensation deletes the list.
 */
export const createWishlistStep = createStep(
  "create-wishlist",
  async (input: CreateWishlistStepInput, { container }) => {
    const service: WishlistModuleService = container.resolve(WISHLIST_MODULE)
    const existing = await service.listWishlists({ customer_id: input.customer_id }, { select: ["id", "name"] })
    if (existing.length >= WISHLIST_LIMITS.listsPerCustomer) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `You already have ${WISHLIST_LIMITS.listsPerCustomer} wishlists, the most a customer may keep. Delete one to create another.`
      )
    }
    const duplicate = () => new MedusaError(MedusaError.Types.INVALID_DATA, `You already have a wishlist named "${input.name}".`)
    if (existing.some((w) => w.name === input.name)) throw duplicate()
    try {
      const wishlist = await service.createWishlists({ customer_id: input.customer_id, name: input.name })
      return new StepResponse(wishlist, wishlist.id)
    } catch (e) {
      // The same name created at the same moment: the unique index refused this one.
      const [raced] = await service.listWishlists({ customer_id: input.customer_id, name: input.name }, { take: 1 })
      throw raced ? duplicate() : e
    }
  },
  async (id, { container }) => {
    if (!id) return
    const service: WishlistModuleService = container.resolve(WISHLIST_MODULE)
    await service.deleteWishlists(id)
  }
)
