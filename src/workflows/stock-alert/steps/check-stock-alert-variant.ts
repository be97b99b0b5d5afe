import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, getVariantAvailability, MedusaError } from "@medusajs/framework/utils"

export type CheckStockAlertVariantInput = {
  variant_id: string
  customer_id: string
  /** The sales channels of the request's publishable key. */
  sales_channel_ids: string[]
  channel: "email" | "sms"
}

/**
 * Read-only checks before an alert is stored: the variant exists and is sold
 * in a sales channel of the caller's key (404 otherwise, as for a product the
 * key cannot see), it tracks stock and has none available there (400
 * "already in stock": an alert only ever means "tell me when it comes
 * back"), and an SMS alert's customer has a phone number. Returns the sales
 * channel the alert watches.
 */
export const checkStockAlertVariantStep = createStep(
  "check-stock-alert-variant",
  async (input: CheckStockAlertVariantInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "manage_inventory", "allow_backorder", "product.status", "product.sales_channels.id"],
      filters: { id: input.variant_id },
    })
    const variant = data[0]
    const channels = new Set((variant?.product?.sales_channels ?? []).map((c) => c?.id))
    const salesChannelId = input.sales_channel_ids.find((id) => channels.has(id))
    if (!variant || variant.product?.status !== "published" || !salesChannelId) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant with id: ${input.variant_id} was not found`)
    }
    if (!variant.manage_inventory || variant.allow_backorder) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "This variant is already in stock: it can be ordered now.")
    }
    const availability = await getVariantAvailability(query, { variant_ids: [variant.id], sales_channel_id: salesChannelId })
    const available = availability[variant.id]?.availability
    if (available === null || available === undefined || available > 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "This variant is already in stock: it can be ordered now.")
    }
    if (input.channel === "sms") {
      const { data: customers } = await query.graph({ entity: "customer", fields: ["id", "phone"], filters: { id: input.customer_id } })
      if (!customers[0]?.phone) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "An SMS alert needs a phone number on your account.")
      }
    }
    return new StepResponse({ sales_channel_id: salesChannelId })
  }
)
