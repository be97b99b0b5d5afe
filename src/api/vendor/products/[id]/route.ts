import type { MedusaResponse } from "@medusajs/framework/http"
import { deleteProductsWorkflow, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { VendorRequest } from "../../context"
import { readVendorProducts } from "../../helpers"
import { assertProductBodyIds } from "../owned-ids"
import { scopedParam } from "../../scope"

async function retrieve(req: VendorRequest, id: string) {
  return (await readVendorProducts(req.scope, req.vendor_context.vendor.id, [id]))[0]
}

/** GET /vendor/products/:id (another vendor's product is 404, from scopeVendorParams). */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  res.json({ product: await retrieve(req, scopedParam(req, "id")) })
}

/** POST /vendor/products/:id: Medusa's product update body. */
export async function POST(req: VendorRequest<any>, res: MedusaResponse) {
  const id = scopedParam(req, "id")
  await assertProductBodyIds(req, req.validatedBody, id)
  await updateProductsWorkflow(req.scope).run({ input: { selector: { id }, update: req.validatedBody } })
  res.json({ product: await retrieve(req, id) })
}

/** DELETE /vendor/products/:id: soft-deletes the product through Medusa's workflow. */
export async function DELETE(req: VendorRequest, res: MedusaResponse) {
  const id = scopedParam(req, "id")
  await deleteProductsWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "product", deleted: true })
}
