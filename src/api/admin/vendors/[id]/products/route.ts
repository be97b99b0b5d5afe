import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import VendorProductLink from "../../../../../links/vendor-product"
import { retrieveVendorForAdmin } from "../../helpers"

/** GET /admin/vendors/:id/products: the vendor's products, newest first (for the vendor page). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await retrieveVendorForAdmin(req.scope, req.params.id)
  const { offset, limit } = req.validatedQuery as { offset: number; limit: number }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links, metadata } = await query.graph({
    entity: VendorProductLink.entryPoint,
    fields: ["product_id"],
    filters: { vendor_id: req.params.id },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  const ids = links.map((l: any) => l.product_id)
  const { data: products } = ids.length
    ? await query.graph({ entity: "product", fields: ["id", "title", "handle", "status", "thumbnail", "created_at"], filters: { id: ids } })
    : { data: [] as any[] }
  const order = new Map(ids.map((id: string, i: number) => [id, i]))
  products.sort((a: any, b: any) => order.get(a.id)! - order.get(b.id)!)
  res.json({ products, count: metadata?.count ?? products.length, offset, limit })
}
