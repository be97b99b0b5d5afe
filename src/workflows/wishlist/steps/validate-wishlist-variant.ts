import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { variantStatuses } from "../../../lib/variant-availability"

export type ValidateWishlistVariantInput = { variant_id: string; sales_channel_ids: string[] }

/**
 * A variant goes on a list only if it exists and is sold in the store's
 * sales channel (the publishable key's) by an active vendor. Out of stock is
 * fine: that is what lists (and stock alerts) are for.
 */
export const validateWishlistVariantStep = createStep(
  "validate-wishlist-variant",
  async (input: ValidateWishlistVariantInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const channels = input.sales_channel_ids.length ? input.sales_channel_ids : [null]
    for (const channel of channels) {
      const status = (await variantStatuses(query, { variant_ids: [input.variant_id], sales_channel_id: channel })).get(input.variant_id)
      if (status?.sold) return new StepResponse(status)
      if (status?.product_id && status.reason === "vendor_suspended") {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `"${status.title}" cannot be added: its vendor ${status.vendor?.name ?? ""} is not selling at the moment.`
        )
      }
    }
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Variant ${input.variant_id} does not exist or is not sold in this store.`)
  }
)
