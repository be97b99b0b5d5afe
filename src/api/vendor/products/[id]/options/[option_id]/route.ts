import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { updateVendorProductOptionWorkflow } from "../../../../../../workflows/vendor-catalog/workflows/update-vendor-product-option"
import type { VendorRequest } from "../../../../context"
import { readVendorProducts } from "../../../../helpers"
import { scopedParam } from "../../../../scope"
import type { VendorUpdateProductOptionType } from "../../../../validators"

/**
 * POST /vendor/products/:id/options/:option_id {title?, values?}: renames the
 * option and adds values the product's variants may use (Medusa Admin's
 * product-option and options/batch routes). The option is 404 unless only the
 * vendor's products use it and this product is one of them (scopeVendorParams).
 */
export async function POST(req: VendorRequest<VendorUpdateProductOptionType>, res: MedusaResponse) {
  const productId = scopedParam(req, "id")
  const optionId = scopedParam(req, "option_id")
  const { title } = req.validatedBody
  const values = req.validatedBody.values ? [...new Set(req.validatedBody.values)] : undefined
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: options }, { data: products }] = await Promise.all([
    query.graph({ entity: "product_option", fields: ["id", "title", "is_exclusive", "values.value"], filters: { id: optionId } }),
    query.graph({ entity: "product", fields: ["options.id", "options.title"], filters: { id: productId } }),
  ])
  const option = options[0]
  if (!option.is_exclusive) {
    // A shared option belongs to the operator's catalogue: the vendor picks from its values and keeps its name.
    const known = new Set((option.values ?? []).map((v: any) => v?.value))
    const unknown = (values ?? []).find((v) => !known.has(v))
    if (title !== undefined && title !== option.title) throw invalid(`The option ${option.title} is shared: its title cannot be changed.`)
    if (unknown !== undefined) throw invalid(`The option ${option.title} is shared and has no value ${unknown}.`)
  }
  if (title !== undefined && (products[0]?.options ?? []).some((o: any) => o?.id !== optionId && o?.title === title)) {
    throw invalid(`The product already has an option ${title}.`)
  }
  await updateVendorProductOptionWorkflow(req.scope).run({ input: { product_id: productId, option_id: optionId, title, values } })
  const [product] = await readVendorProducts(req.scope, req.vendor_context.vendor.id, [productId])
  res.json({ product })
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
