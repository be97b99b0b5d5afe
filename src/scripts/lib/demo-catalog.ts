import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import {
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  updateInventoryLevelsWorkflow,
  updateProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { createVendorProductsWorkflow } from "../../workflows/vendor-catalog/workflows/create-vendor-products"
import type { MarketplaceBasics } from "./marketplace-basics"
import type { DemoCatalog } from "./demo-vendors"

/**
 * What the demo sells beyond the one product per vendor that the HTTP tests
 * share (demo-vendors.ts, left as it is so their catalog does not change):
 * the operator's categories, each vendor's products filed in one (that is
 * how a category commission rule reaches them), a second product per
 * vendor, and stock for 90 days of orders.
 */

export const DEMO_CATEGORIES = [
  { handle: "lighting", name: "Lighting" },
  { handle: "furniture", name: "Furniture" },
  { handle: "office-supplies", name: "Office supplies" },
] as const
type CategoryHandle = (typeof DEMO_CATEGORIES)[number]["handle"]

const EXTRAS: Record<
  string,
  { category: CategoryHandle; stock: number; product: { title: string; handle: string; eur: number; usd: number } }
> = {
  "lumen-office-lighting": {
    category: "lighting",
    stock: 400,
    product: { title: "LED Floor Lamp", handle: "led-floor-lamp", eur: 129, usd: 139 },
  },
  "oakline-furniture": {
    category: "furniture",
    stock: 200,
    product: { title: "Height-adjustable Desk", handle: "standing-desk", eur: 549, usd: 599 },
  },
  "papyrus-supplies": {
    category: "office-supplies",
    stock: 5000,
    product: { title: "Gel Pens (box of 20)", handle: "gel-pens-20", eur: 9.9, usd: 10.9 },
  },
}

export type DemoShop = {
  categories: Record<CategoryHandle, string>
  /** Every demo product by handle, with its vendor. */
  products: Record<string, { id: string; variant_id: string; vendor_id: string; vendor_handle: string }>
}

export async function seedDemoCatalogExtras(
  container: MedusaContainer,
  basics: MarketplaceBasics,
  catalog: DemoCatalog,
  log: (m: string) => void = () => {}
): Promise<DemoShop> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { result: made } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: DEMO_CATEGORIES.map((c) => ({ ...c, is_active: true, is_internal: false })) },
  })
  const categories = Object.fromEntries(made.map((c) => [c.handle, c.id])) as DemoShop["categories"]
  const shop: DemoShop = { categories, products: {} }

  for (const vendor of catalog.vendors.filter((v) => EXTRAS[v.handle])) {
    const extra = EXTRAS[vendor.handle]
    const { data } = await query.graph({
      entity: "vendor",
      fields: ["shipping_profile.id", "stock_locations.id"],
      filters: { id: vendor.id },
    })
    const locationId = data[0].stock_locations![0]!.id
    const first = catalog.products.find((p) => p.vendor_id === vendor.id)!
    // The vendor files its first product under the category and restocks it.
    await updateProductsWorkflow(container).run({
      input: { selector: { id: first.id }, update: { category_ids: [categories[extra.category]] } },
    })
    const { result: products } = await createVendorProductsWorkflow(container).run({
      input: {
        vendor_id: vendor.id,
        shipping_profile_id: data[0].shipping_profile!.id,
        sales_channel_id: basics.sales_channel_id,
        products: [
          {
            title: extra.product.title,
            handle: extra.product.handle,
            status: ProductStatus.PUBLISHED,
            category_ids: [categories[extra.category]],
            options: [{ title: "Default", values: ["Default"] }],
            variants: [
              {
                title: "Default",
                sku: extra.product.handle.toUpperCase(),
                manage_inventory: true,
                options: { Default: "Default" },
                prices: [
                  { currency_code: "eur", amount: extra.product.eur },
                  { currency_code: "usd", amount: extra.product.usd },
                ],
              },
            ],
          },
        ],
      },
    })
    const { data: variants } = await query.graph({
      entity: "product_variant",
      fields: ["id", "product_id", "inventory_items.inventory_item_id"],
      filters: { product_id: [first.id, products[0].id] },
    })
    const item = (productId: string) => variants.find((v) => v.product_id === productId)!.inventory_items![0]!.inventory_item_id
    await updateInventoryLevelsWorkflow(container).run({
      input: { updates: [{ inventory_item_id: item(first.id), location_id: locationId, stocked_quantity: extra.stock }] },
    })
    await createInventoryLevelsWorkflow(container).run({
      input: { inventory_levels: [{ inventory_item_id: item(products[0].id), location_id: locationId, stocked_quantity: extra.stock }] },
    })
    const mine = { vendor_id: vendor.id, vendor_handle: vendor.handle }
    shop.products[first.handle] = { id: first.id, variant_id: first.variant_id, ...mine }
    const second = variants.find((v) => v.product_id === products[0].id)!
    shop.products[extra.product.handle] = { id: products[0].id, variant_id: second.id, ...mine }
  }
  log(`demo catalog: ${DEMO_CATEGORIES.length} categories, ${Object.keys(shop.products).length} products`)
  return shop
}
