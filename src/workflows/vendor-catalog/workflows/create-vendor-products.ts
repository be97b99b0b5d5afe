import { Modules } from "@medusajs/framework/utils"
import type { CreateProductWorkflowInputDTO, LinkDefinition } from "@medusajs/framework/types"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createProductsWorkflow, createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { VENDOR_MODULE } from "../../../modules/vendor"

export type CreateVendorProductsInput = {
  vendor_id: string
  shipping_profile_id: string
  sales_channel_id: string
  products: Omit<CreateProductWorkflowInputDTO, "shipping_profile_id" | "sales_channels">[]
}

/**
 * Medusa's createProductsWorkflow with the marketplace's decisions applied:
 * the vendor's shipping profile and the marketplace sales channel. Then the
 * vendor ↔ product links; if linking fails, the products are removed again.
 */
export const createVendorProductsWorkflow = createWorkflow("create-vendor-products", (input: CreateVendorProductsInput) => {
  const products = createProductsWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      products: input.products.map((p) => ({
        ...p,
        shipping_profile_id: input.shipping_profile_id,
        sales_channels: [{ id: input.sales_channel_id }],
      })),
    })),
  })
  createRemoteLinkStep(
    transform({ input, products }, ({ input, products }): LinkDefinition[] =>
      products.map((p) => ({
        [VENDOR_MODULE]: { vendor_id: input.vendor_id },
        [Modules.PRODUCT]: { product_id: p.id },
      }))
    )
  )
  return new WorkflowResponse(products)
})
