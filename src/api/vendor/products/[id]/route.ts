import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deleteProductsWorkflow, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { VendorRequest } from "../../context"
import { assertVendorOwnsProduct, VENDOR_PRODUCT_FIELDS } from "../../helpers"

async function retrieve(req: VendorRequest, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: VENDOR_PRODUCT_FIELDS, filters: { id } })
  return data[0]
}

/** GET /vendor/products/:id (404 for another vendor's product). */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  await assertVendorOwnsProduct(req.scope, req.vendor_context.vendor.id, req.params.id)
  res.json({ product: await retrieve(req, req.params.id) })
}

/** POST /vendor/products/:id: Medusa's product update body. */
export async function POST(req: VendorRequest<any>, res: MedusaResponse) {
  await assertVendorOwnsProduct(req.scope, req.vendor_context.vendor.id, req.params.id)
  await updateProductsWorkflow(req.scope).run({
    input: { selector: { id: req.params.id }, update: req.validatedBody },
  })
  res.json({ product: await retrieve(req, req.params.id) })
}

/** DELETE /vendor/products/:id: soft-deletes the product through Medusa's workflow. */
export async function DELETE(req: VendorRequest, res: MedusaResponse) {
  await assertVendorOwnsProduct(req.scope, req.vendor_context.vendor.id, req.params.id)
  await deleteProductsWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "product", deleted: true })
}
