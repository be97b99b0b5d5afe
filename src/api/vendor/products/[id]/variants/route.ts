import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createVendorProductVariantsWorkflow } from "../../../../../workflows/vendor-catalog/workflows/create-vendor-product-variants"
import type { VendorRequest } from "../../../context"
import { loadVendorSetup, readVendorProducts } from "../../../helpers"
import { scopedParam } from "../../../scope"
import type { VendorCreateProductVariantType } from "../../../validators"

/**
 * POST /vendor/products/:id/variants: adds one variant to the vendor's product
 * (Medusa's createProductVariantsWorkflow: prices, a linked inventory item),
 * stocked at the vendor's own location. Its option values must be ones the
 * product may use: add new ones with POST /vendor/products/:id/options/:option_id.
 */
export async function POST(req: VendorRequest<VendorCreateProductVariantType>, res: MedusaResponse) {
  const productId = scopedParam(req, "id")
  const vendorId = req.vendor_context.vendor.id
  const { stocked_quantity, manage_inventory = true, ...body } = req.validatedBody
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: products }, setup] = await Promise.all([
    query.graph({ entity: "product", fields: ["id", "options.title"], filters: { id: productId } }),
    loadVendorSetup(req.scope, vendorId),
  ])
  // One value per option of the product, named by the option's title (as in Medusa's variant body).
  const titles = (products[0]?.options ?? []).map((o: any) => o?.title as string)
  const given = Object.keys(body.options)
  const stray = given.find((t) => !titles.includes(t))
  const missing = titles.find((t) => !given.includes(t))
  if (stray !== undefined || missing !== undefined) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      stray !== undefined
        ? `The product has no option ${stray}; its options are: ${titles.join(", ")}.`
        : `options needs a value for ${missing}; the product's options are: ${titles.join(", ")}.`
    )
  }
  await createVendorProductVariantsWorkflow(req.scope).run({
    input: {
      location_id: setup.stock_location_id,
      variants: [{ ...body, product_id: productId, manage_inventory, stocked_quantity }],
    },
  })
  const [product] = await readVendorProducts(req.scope, vendorId, [productId])
  res.json({ product })
}
