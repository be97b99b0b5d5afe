import type { RemoteQueryFunction } from "@medusajs/framework/types"
import VendorShippingProfileLink from "../links/vendor-shipping-profile"

type Query = Omit<RemoteQueryFunction, symbol>

/** A row of the vendor ↔ shipping profile link table (link entry points are not in Medusa's generated query types). */
type ProfileLinkRow = { vendor_id: string; shipping_profile_id: string }

/**
 * The vendor each shipping profile ships for (vendor ↔ shipping_profile
 * link), as profile id → vendor id; profiles of no vendor are absent. One
 * query, none for an empty list. Shared by the cart's vendor groups (routes)
 * and the vendor split (workflow steps), so both decide alike; it lives here
 * because it reads a link (src/lib imports nothing from src) and routes may
 * not import workflow utils.
 */
export async function vendorsOfShippingProfiles(query: Query, shippingProfileIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(shippingProfileIds)]
  if (!ids.length) return new Map()
  const { data } = await query.graph({
    entity: VendorShippingProfileLink.entryPoint,
    fields: ["vendor_id", "shipping_profile_id"],
    filters: { shipping_profile_id: ids },
  })
  return new Map((data as ProfileLinkRow[]).map((l) => [l.shipping_profile_id, l.vendor_id] as const))
}
