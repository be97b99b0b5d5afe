import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { vendorStockLocations } from "./scope"

/** The vendor's selling set-up, created at approval. */
export async function loadVendorSetup(scope: MedusaContainer, vendorId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "vendor",
    fields: ["id", "shipping_profile.id", "stock_locations.id", "stock_locations.fulfillment_sets.service_zones.id"],
    filters: { id: vendorId },
  })
  const vendor = data[0]
  const location = vendor?.stock_locations?.[0]
  const zone = location?.fulfillment_sets?.[0]?.service_zones?.[0]
  if (!vendor?.shipping_profile?.id || !location || !zone) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The vendor has no selling set-up yet; it is created when the vendor is approved.")
  }
  return {
    shipping_profile_id: vendor.shipping_profile.id,
    stock_location_id: location.id,
    service_zone_id: zone.id,
  }
}

export const VENDOR_PRODUCT_FIELDS = [
  "id",
  "title",
  "subtitle",
  "description",
  "handle",
  "status",
  "thumbnail",
  "created_at",
  "updated_at",
  "metadata",
  "images.id",
  "images.url",
  "options.id",
  "options.title",
  "options.values.id",
  "options.values.value",
  "variants.id",
  "variants.title",
  "variants.sku",
  "variants.manage_inventory",
  "variants.options.value",
  "variants.prices.amount",
  "variants.prices.currency_code",
  // Stock: each variant's inventory levels, kept to the vendor's own location by readVendorProducts.
  "variants.inventory_items.inventory_item_id",
  "variants.inventory_items.inventory.location_levels.location_id",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
  "categories.id",
  "categories.name",
  "tags.id",
  "tags.value",
  "type_id",
  "collection_id",
]

type LevelRow = { location_id: string } | null
type ProductRow = { id: string; variants?: { inventory_items?: { inventory?: { location_levels?: LevelRow[] } | null }[] | null }[] | null }

/**
 * The vendor's products as every /vendor/products read shows them
 * (VENDOR_PRODUCT_FIELDS), in the order of `ids`. A variant's stock levels
 * are the ones at the vendor's own stock location: a level the operator
 * keeps elsewhere is not the vendor's to see.
 */
export async function readVendorProducts(scope: MedusaContainer, vendorId: string, ids: string[]) {
  if (!ids.length) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data }, locations] = await Promise.all([
    query.graph({ entity: "product", fields: VENDOR_PRODUCT_FIELDS, filters: { id: ids } }),
    vendorStockLocations(scope, vendorId),
  ])
  const products = data as ProductRow[]
  for (const p of products)
    for (const v of p.variants ?? [])
      for (const item of v.inventory_items ?? [])
        if (item?.inventory)
          item.inventory.location_levels = (item.inventory.location_levels ?? []).filter((l) => !!l && locations.has(l.location_id))
  const position = new Map(ids.map((id, i) => [id, i]))
  return products.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0))
}
