import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** GET /admin/products/:id/vendor: who sells the product ({vendor: null} for the marketplace's own). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "vendor.id", "vendor.name", "vendor.handle", "vendor.status", "vendor.email"],
    filters: { id: req.params.id },
  })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${req.params.id} was not found`)
  res.json({ vendor: data[0].vendor ?? null })
}
