import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

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
  "categories.id",
  "categories.name",
  "tags.id",
  "tags.value",
  "type_id",
  "collection_id",
]
