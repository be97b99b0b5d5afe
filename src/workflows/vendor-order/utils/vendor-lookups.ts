import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import VendorProductLink from "../../../links/vendor-product"
import VendorShippingProfileLink from "../../../links/vendor-shipping-profile"

/** Which vendor sells each product, and which vendor each shipping option ships for. */
export type VendorLookups = { products: Record<string, string>; shipping_options: Record<string, string> }

/**
 * Resolves products to vendors (vendor ↔ product link) and shipping options
 * to vendors (option → shipping profile → vendor ↔ shipping_profile link).
 * The option and product lookups run in parallel.
 */
export async function lookupVendors(container: MedusaContainer, productIds: string[], shippingOptionIds: string[]): Promise<VendorLookups> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [products, options] = await Promise.all([
    productIds.length
      ? query.graph({ entity: VendorProductLink.entryPoint, fields: ["vendor_id", "product_id"], filters: { product_id: productIds } })
      : { data: [] as any[] },
    shippingOptionIds.length
      ? query.graph({ entity: "shipping_option", fields: ["id", "shipping_profile_id"], filters: { id: shippingOptionIds } })
      : { data: [] as any[] },
  ])
  const profileIds = [...new Set<string>(options.data.map((o: any) => o.shipping_profile_id))]
  const { data: profiles } = profileIds.length
    ? await query.graph({
        entity: VendorShippingProfileLink.entryPoint,
        fields: ["vendor_id", "shipping_profile_id"],
        filters: { shipping_profile_id: profileIds },
      })
    : { data: [] as any[] }
  const vendorOfProfile = new Map<string, string>(profiles.map((p: any) => [p.shipping_profile_id, p.vendor_id] as [string, string]))
  const out: VendorLookups = { products: {}, shipping_options: {} }
  for (const p of products.data as any[]) out.products[p.product_id] = p.vendor_id
  for (const o of options.data as any[]) {
    const vendorId = vendorOfProfile.get(o.shipping_profile_id)
    if (vendorId) out.shipping_options[o.id] = vendorId
  }
  return out
}
