import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import VendorProductLink from "../../../../../links/vendor-product"
import { retrieveVendorForAdmin } from "../../helpers"
import type { AdminListVendorProductsType } from "../../validators"

/** GET /admin/vendors/:id/products: the vendor's products, newest first (for the vendor page). */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListVendorProductsType>, res: MedusaResponse) {
  await retrieveVendorForAdmin(req.scope, req.params.id)
  const { offset, limit } = req.validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links, metadata } = await query.graph({
    entity: VendorProductLink.entryPoint,
    fields: ["product_id"],
    filters: { vendor_id: req.params.id },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  const ids = links.map((l: { product_id: string }) => l.product_id)
  const products = ids.length
    ? (
        await query.graph({
          entity: "product",
          fields: ["id", "title", "handle", "status", "thumbnail", "created_at"],
          filters: { id: ids },
        })
      ).data
    : []
  const position = new Map(ids.map((id, i) => [id, i]))
  products.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0))
  res.json({ products, count: metadata?.count ?? products.length, offset, limit })
}
