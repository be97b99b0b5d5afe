import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createAndLinkProductOptionsToProductWorkflow, updateProductOptionsWorkflow } from "@medusajs/medusa/core-flows"

export type UpdateVendorProductOptionInput = {
  product_id: string
  option_id: string
  title?: string
  /** Values the product may use for its variants: existing values of the option are linked, new ones created. */
  values?: string[]
}

/**
 * Medusa Admin's two option routes in one workflow: updateProductOptionsWorkflow
 * for the title, createAndLinkProductOptionsToProductWorkflow for the values
 * of this product (Medusa 2.16+ keeps per product which of an option's values
 * its variants may use, so a value must be linked, not only created). Either
 * part failing undoes the other.
 */
export const updateVendorProductOptionWorkflow = createWorkflow("update-vendor-product-option", (input: UpdateVendorProductOptionInput) => {
  when({ input }, ({ input }) => input.title !== undefined).then(() => {
    updateProductOptionsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ selector: { id: input.option_id }, update: { title: input.title } })),
    })
  })
  when({ input }, ({ input }) => !!input.values?.length).then(() => {
    createAndLinkProductOptionsToProductWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        product_id: input.product_id,
        update: [{ product_option_id: input.option_id, add: (input.values ?? []).map((value) => ({ value })) }],
      })),
    })
  })
  return new WorkflowResponse(input.option_id)
})
