import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { assertVendorOwns } from "../scope"

/**
 * Every id in a vendor's product body must be the vendor's own, or exist in
 * the operator's shared catalogue (categories, collections, types, tags),
 * before Medusa's workflow writes anything. Medusa's product workflows take
 * ids as they come: a variant linked to another vendor's inventory item
 * would reserve that vendor's stock, and a price or option id of another
 * product would edit another vendor's catalogue.
 */
export async function assertProductBodyIds(req: MedusaRequest, body: any, productId?: string) {
  const variants: any[] = body.variants ?? []
  await assertVendorOwns(
    req,
    "inventory_item",
    variants.flatMap((v) => (v.inventory_items ?? []).map((i: any) => i.inventory_item_id)),
    "Inventory item"
  )
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)

  // Options are shared entities in Medusa 2.16+: only options that only the
  // vendor's products use may be attached.
  const optionIds: string[] = [
    ...(body.option_ids ?? []),
    ...(body.options ?? []).filter((o: any) => typeof o?.id === "string").map((o: any) => o.id),
  ]
  if (optionIds.length) {
    const { data } = await query.graph({ entity: "product_option", fields: ["id", "products.id"], filters: { id: optionIds } })
    const productIds = [...new Set(data.flatMap((o: any) => (o.products ?? []).map((p: any) => p.id as string)))]
    await assertVendorOwns(req, "product", productIds, "Product option")
    const found = new Set(data.map((o: any) => o.id))
    const missing = optionIds.find((id) => !found.has(id))
    if (missing) throw notFound("Product option", missing)
  }

  if (productId) {
    // Variants and prices named in an update belong to this product.
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "prices.id"],
      filters: { product_id: productId },
    })
    const own = new Set(data.map((v: any) => v.id))
    const ownPrices = new Set(data.flatMap((v: any) => (v.prices ?? []).map((p: any) => p.id)))
    for (const v of variants) {
      if (v.id && !own.has(v.id)) throw notFound("Variant", v.id)
      for (const p of v.prices ?? []) if (p.id && !ownPrices.has(p.id)) throw notFound("Price", p.id)
    }
    const { data: products } = await query.graph({ entity: "product", fields: ["images.id"], filters: { id: productId } })
    const ownImages = new Set((products[0]?.images ?? []).map((i: any) => i.id))
    for (const img of body.images ?? []) if (img.id && !ownImages.has(img.id)) throw notFound("Image", img.id)
  }

  // The shared catalogue: must exist (the operator decides which exist).
  await assertExist(
    req,
    "product_category",
    (body.categories ?? []).map((c: any) => c.id),
    "Category"
  )
  await assertExist(
    req,
    "product_tag",
    (body.tags ?? []).map((t: any) => t.id),
    "Tag"
  )
  await assertExist(req, "product_collection", body.collection_id ? [body.collection_id] : [], "Collection")
  await assertExist(req, "product_type", body.type_id ? [body.type_id] : [], "Product type")
}

async function assertExist(req: MedusaRequest, entity: string, list: string[], label: string) {
  const unique = [...new Set(list)]
  if (!unique.length) return
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity, fields: ["id"], filters: { id: unique } })
  const found = new Set(data.map((r: any) => r.id))
  const missing = unique.find((id) => !found.has(id))
  if (missing) throw notFound(label, missing)
}

const notFound = (label: string, id: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `${label} with id: ${id} was not found`)
