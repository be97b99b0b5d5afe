import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { deleteProductVariantsWorkflow, updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import type { VendorRequest } from "../../../../context"
import { readVendorProducts } from "../../../../helpers"
import { scopedParam } from "../../../../scope"
import type { VendorUpdateProductVariantType } from "../../../../validators"

/**
 * POST /vendor/products/:id/variants/:variant_id {title?, sku?, prices?}:
 * Medusa's updateProductVariantsWorkflow; `prices` replaces the variant's
 * prices, and a price id must be one of this variant's.
 */
export async function POST(req: VendorRequest<VendorUpdateProductVariantType>, res: MedusaResponse) {
  const productId = scopedParam(req, "id")
  const variantId = scopedParam(req, "variant_id")
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const priceIds = (req.validatedBody.prices ?? []).map((p) => p.id).filter((id): id is string => !!id)
  if (priceIds.length) {
    const { data } = await query.graph({ entity: "product_variant", fields: ["prices.id"], filters: { id: variantId } })
    const row = data[0] as { prices?: ({ id: string } | null)[] } | undefined
    const own = new Set((row?.prices ?? []).map((p) => p?.id))
    const foreign = priceIds.find((id) => !own.has(id))
    if (foreign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Price with id: ${foreign} was not found`)
  }
  await updateProductVariantsWorkflow(req.scope).run({
    input: { selector: { id: variantId, product_id: productId }, update: req.validatedBody },
  })
  const [product] = await readVendorProducts(req.scope, req.vendor_context.vendor.id, [productId])
  res.json({ product })
}

/** DELETE /vendor/products/:id/variants/:variant_id: Medusa's deleteProductVariantsWorkflow (soft delete). */
export async function DELETE(req: VendorRequest, res: MedusaResponse) {
  const productId = scopedParam(req, "id")
  const variantId = scopedParam(req, "variant_id")
  await deleteProductVariantsWorkflow(req.scope).run({ input: { ids: [variantId] } })
  const [product] = await readVendorProducts(req.scope, req.vendor_context.vendor.id, [productId])
  res.json({ id: variantId, object: "variant", deleted: true, parent: product })
}
