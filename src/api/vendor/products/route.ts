import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import VendorProductLink from "../../../links/vendor-product"
import { createVendorProductsWorkflow } from "../../../workflows/vendor-catalog/workflows/create-vendor-products"
import type { VendorRequest } from "../context"
import { loadVendorSetup, readVendorProducts } from "../helpers"
import { vendorFilters } from "../scope"
import { assertProductBodyIds } from "./owned-ids"
import type { VendorListParamsType } from "../validators"

/** GET /vendor/products: the caller's own products, newest first. */
export async function GET(req: VendorRequest<unknown, VendorListParamsType>, res: MedusaResponse) {
  const { offset, limit } = req.validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links, metadata } = await query.graph({
    entity: VendorProductLink.entryPoint,
    fields: ["product_id"],
    filters: vendorFilters(req, "vendor_product"),
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  const ids = links.map((l: { product_id: string }) => l.product_id)
  const products = await readVendorProducts(req.scope, req.vendor_context.vendor.id, ids)
  res.json({ products, count: metadata?.count ?? products.length, offset, limit })
}

/** POST /vendor/products: Medusa's product body; linked to the vendor, its profile and the sales channel. */
export async function POST(req: VendorRequest<any>, res: MedusaResponse) {
  const vendorId = req.vendor_context.vendor.id
  await assertProductBodyIds(req, req.validatedBody)
  const setup = await loadVendorSetup(req.scope, vendorId)
  const [store] = await req.scope.resolve(Modules.STORE).listStores({}, { take: 1 })
  const { result } = await createVendorProductsWorkflow(req.scope).run({
    input: {
      vendor_id: vendorId,
      shipping_profile_id: setup.shipping_profile_id,
      sales_channel_id: store.default_sales_channel_id!,
      products: [req.validatedBody],
    },
  })
  const [product] = await readVendorProducts(req.scope, vendorId, [result[0].id])
  res.status(200).json({ product })
}
