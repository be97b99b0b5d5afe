import type { MedusaContainer, ShippingOptionDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { listShippingOptionsForCartWorkflow } from "@medusajs/medusa/core-flows"
import { defaultStoreShippingOptionsFields } from "@medusajs/medusa/api/store/shipping-options/query-config"
import VendorProductLink from "../../../links/vendor-product"
import { vendorsOfShippingProfiles } from "../../../utils/vendor-of-shipping-profile"

// Rows of the vendor ↔ product link as read below.
type VendorOfProductRow = { product_id: string; vendor: { id: string; handle: string; name: string } }

/**
 * The cart grouped by vendor, each with the shipping options a storefront
 * can offer for it (Medusa's own list for the cart, the same as
 * GET /store/shipping-options?cart_id=) and the shipping method chosen so
 * far. Read-only; used by GET /store/carts/:id/vendor-groups and
 * POST /store/carts/:id/shipping-methods/auto.
 */
export async function cartVendorGroups(scope: MedusaContainer, cartId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
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
    filters: { id: cartId },
  })
  const cart = carts[0]
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${cartId}`)
  const items = (cart.items ?? []).filter((i) => !!i)

  const productIds = [...new Set(items.map((i) => i.product_id).filter((id): id is string => !!id))]
  const [productLinks, options]: [VendorOfProductRow[], ShippingOptionDTO[]] = await Promise.all([
    productIds.length
      ? query
          .graph({
            entity: VendorProductLink.entryPoint,
            fields: ["product_id", "vendor.id", "vendor.handle", "vendor.name"],
            filters: { product_id: productIds },
          })
          .then(({ data }) => data)
      : [],
    items.length
      ? listShippingOptionsForCartWorkflow(scope)
          .run({
            input: { cart_id: cart.id, is_return: false, fields: [...defaultStoreShippingOptionsFields, "calculated_price.*", "prices.*"] },
          })
          .then(({ result }) => result)
      : [],
  ])
  const vendorOfProfile = await vendorsOfShippingProfiles(
    query,
    options.map((o) => o.shipping_profile_id)
  )
  const vendorOfProduct = new Map(productLinks.map((l) => [l.product_id, l.vendor] as const))

  type Group = {
    vendor: { id: string; handle: string; name: string }
    items: typeof items
    shipping_options: typeof options
    selected_shipping_method_id: string | null
  }
  const groups = new Map<string, Group>()
  for (const item of items) {
    const vendor = item.product_id ? vendorOfProduct.get(item.product_id) : undefined
    if (!vendor) continue
    let group = groups.get(vendor.id)
    if (!group) {
      const shipping_options = options.filter((o) => vendorOfProfile.get(o.shipping_profile_id) === vendor.id)
      const optionIds = new Set(shipping_options.map((o) => o.id))
      const selected = (cart.shipping_methods ?? []).find((m) => !!m?.shipping_option_id && optionIds.has(m.shipping_option_id))
      group = {
        vendor: { id: vendor.id, handle: vendor.handle, name: vendor.name },
        items: [],
        shipping_options,
        selected_shipping_method_id: selected?.id ?? null,
      }
      groups.set(vendor.id, group)
    }
    group.items.push(item)
  }
  return [...groups.values()]
}
