import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import VendorProductLink from "../../../links/vendor-product"
import { vendorsOfShippingProfiles } from "../../../utils/vendor-of-shipping-profile"

/** Which vendor sells each product, and which vendor each shipping option ships for. */
export type VendorLookups = { products: Record<string, string>; shipping_options: Record<string, string> }

/** A row of the vendor ↔ product link table (link entry points are not in Medusa's generated query types). */
type ProductLinkRow = { vendor_id: string; product_id: string }

/**
 * Resolves products to vendors (vendor ↔ product link) and shipping options
 * to vendors (option → shipping profile → vendor ↔ shipping_profile link).
 * The option and product lookups run in parallel.
 */
export async function lookupVendors(container: MedusaContainer, productIds: string[], shippingOptionIds: string[]): Promise<VendorLookups> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [products, options] = await Promise.all([
    productIds.length
      ? query
          .graph({ entity: VendorProductLink.entryPoint, fields: ["vendor_id", "product_id"], filters: { product_id: productIds } })
          .then((r): ProductLinkRow[] => r.data)
      : [],
    shippingOptionIds.length
      ? query
          .graph({ entity: "shipping_option", fields: ["id", "shipping_profile_id"], filters: { id: shippingOptionIds } })
          .then((r) => r.data)
      : [],
  ])
  const vendorOfProfile = await vendorsOfShippingProfiles(
    query,
    options.flatMap((o) => (o.shipping_profile_id ? [o.shipping_profile_id] : []))
  )
  const out: VendorLookups = { products: {}, shipping_options: {} }
  for (const p of products) out.products[p.product_id] = p.vendor_id
  for (const o of options) {
    const vendorId = vendorOfProfile.get(o.shipping_profile_id)
    if (vendorId) out.shipping_options[o.id] = vendorId
  }
  return out
}
