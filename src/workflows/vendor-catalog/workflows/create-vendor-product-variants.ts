import type { CreateProductVariantWorkflowInputDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createInventoryLevelsWorkflow, createProductVariantsWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"

export type CreateVendorProductVariantsInput = {
  /** The vendor's own stock location: each new variant that manages inventory gets its level there. */
  location_id: string
  variants: (CreateProductVariantWorkflowInputDTO & { product_id: string; stocked_quantity?: number })[]
}

/**
 * Medusa's createProductVariantsWorkflow (variants, prices, a default
 * inventory item linked to each variant that manages inventory), then the
 * inventory level at the vendor's location, so a variant added later is
 * stocked where the vendor's other variants are. A failing level removes the
 * variants again (the workflows' compensation).
 */
export const createVendorProductVariantsWorkflow = createWorkflow(
  "create-vendor-product-variants",
  (input: CreateVendorProductVariantsInput) => {
    const variants = createProductVariantsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        product_variants: input.variants.map(({ stocked_quantity: _stock, ...v }) => v),
      })),
    })
    const { data: rows } = useQueryGraphStep({
      entity: "product_variant",
      fields: ["id", "inventory_items.inventory_item_id"],
      filters: transform({ variants }, ({ variants }) => ({ id: variants.map((v) => v.id) })),
    }).config({ name: "read-new-variant-inventory-items" })
    const levels = transform({ input, variants, rows }, ({ input, variants, rows }) =>
      variants.flatMap((v, i) =>
        ((rows as any[]).find((r) => r.id === v.id)?.inventory_items ?? []).map((item: any) => ({
          inventory_item_id: item.inventory_item_id as string,
          location_id: input.location_id,
          stocked_quantity: input.variants[i].stocked_quantity ?? 0,
        }))
      )
    )
    when({ levels }, ({ levels }) => levels.length > 0).then(() => {
      createInventoryLevelsWorkflow.runAsStep({ input: { inventory_levels: levels } })
    })
    return new WorkflowResponse(variants)
  }
)
