import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { listShippingOptionsForCartWorkflow } from "@medusajs/medusa/core-flows"
import { defaultStoreShippingOptionsFields } from "@medusajs/medusa/api/store/shipping-options/query-config"
import VendorProductLink from "../../../../../links/vendor-product"
import VendorShippingProfileLink from "../../../../../links/vendor-shipping-profile"

/**
 * GET /store/carts/:id/vendor-groups: the cart grouped by vendor, each with
 * the shipping options a storefront can offer for it (Medusa's own list for
 * the cart, the same as GET /store/shipping-options?cart_id=) and the
 * shipping method chosen so far. Read-only: checkout itself stays Medusa's.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "items.id",
      "items.product_id",
      "items.variant_id",
      "items.title",
      "items.variant_title",
      "items.thumbnail",
      "items.quantity",
      "items.unit_price",
      "items.subtotal",
      "items.total",
      "shipping_methods.id",
      "shipping_methods.shipping_option_id",
    ],
    filters: { id: req.params.id },
  })
  const cart = carts[0] as any
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${req.params.id}`)

  const productIds = [...new Set<string>(cart.items.map((i: any) => i.product_id).filter(Boolean))]
  const [{ data: productLinks }, { result: options }] = await Promise.all([
    productIds.length
      ? query.graph({
          entity: VendorProductLink.entryPoint,
          fields: ["product_id", "vendor.id", "vendor.handle", "vendor.name"],
          filters: { product_id: productIds },
        })
      : Promise.resolve({ data: [] as any[] }),
    cart.items.length
      ? listShippingOptionsForCartWorkflow(req.scope).run({
          input: {
            cart_id: cart.id,
            is_return: false,
            fields: [...defaultStoreShippingOptionsFields, "calculated_price.*", "prices.*"] as any,
          },
        })
      : Promise.resolve({ result: [] as any[] }),
  ])
  const profileIds = [...new Set<string>((options as any[]).map((o) => o.shipping_profile_id))]
  const { data: profileLinks } = profileIds.length
    ? await query.graph({
        entity: VendorShippingProfileLink.entryPoint,
        fields: ["vendor_id", "shipping_profile_id"],
        filters: { shipping_profile_id: profileIds },
      })
    : { data: [] as any[] }
  const vendorOfProfile = new Map<string, string>(profileLinks.map((l: any) => [l.shipping_profile_id, l.vendor_id] as [string, string]))
  const vendorOfProduct = new Map<string, any>(productLinks.map((l: any) => [l.product_id, l.vendor]))

  const groups = new Map<string, any>()
  for (const item of cart.items) {
    const vendor = vendorOfProduct.get(item.product_id)
    if (!vendor) continue
    if (!groups.has(vendor.id)) {
      const shipping_options = (options as any[]).filter((o) => vendorOfProfile.get(o.shipping_profile_id) === vendor.id)
      const optionIds = new Set(shipping_options.map((o) => o.id))
      const selected = cart.shipping_methods.find((m: any) => optionIds.has(m.shipping_option_id))
      groups.set(vendor.id, {
        vendor: { id: vendor.id, handle: vendor.handle, name: vendor.name },
        items: [],
        shipping_options,
        selected_shipping_method_id: selected?.id ?? null,
      })
    }
    groups.get(vendor.id).items.push(item)
  }
  res.json({ vendor_groups: [...groups.values()] })
}
