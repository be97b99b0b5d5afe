import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import type { MarketplaceBasics } from "./marketplace-basics"

/**
 * A small sellable catalog: one warehouse that ships to every marketplace
 * country with the manual fulfillment provider, flat-rate shipping in EUR
 * and USD, and a few products with stock. The vendor capability later gives
 * each vendor a set-up of the same shape; until then the operator sells.
 */

export const DEMO_PRODUCTS = [
  { title: "Lilium Desk Lamp", handle: "desk-lamp", eur: 49.9, usd: 54.9, stock: 100 },
  { title: "Oak Office Chair", handle: "oak-office-chair", eur: 289, usd: 319, stock: 25 },
  { title: "Recycled Paper A4 (500 sheets)", handle: "paper-a4-500", eur: 6.45, usd: 7.1, stock: 1000 },
] as const

export const DEMO_SHIPPING = { name: "Standard Shipping", eur: 4.95, usd: 5.95 }

export type DemoCatalog = {
  stock_location_id: string
  shipping_profile_id: string
  shipping_option_id: string
  products: { id: string; handle: string; variant_id: string }[]
}

type Log = (message: string) => void

export async function seedDemoCatalog(
  container: MedusaContainer,
  basics: MarketplaceBasics,
  log: Log = () => {}
): Promise<DemoCatalog> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const countries = basics.regions.flatMap((r) => r.countries)

  log("creating the demo warehouse, service zone and shipping")
  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [
        {
          name: "Lilium Warehouse",
          address: { address_1: "Hafenstraße 1", city: "Hamburg", country_code: "DE" },
        },
      ],
    },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: location.id, add: [basics.sales_channel_id] },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  const fulfillmentSet = await fulfillmentModule.createFulfillmentSets({
    name: "Lilium Warehouse shipping",
    type: "shipping",
    service_zones: [
      {
        name: "Marketplace countries",
        geo_zones: countries.map((country_code) => ({ type: "country" as const, country_code })),
      },
    ],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })

  const {
    result: [profile],
  } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Lilium Warehouse", type: "default" }] },
  })

  const {
    result: [shippingOption],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: DEMO_SHIPPING.name,
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: profile.id,
        type: { label: "Standard", description: "Ships in 2-3 days", code: "standard" },
        prices: [
          { currency_code: "eur", amount: DEMO_SHIPPING.eur },
          { currency_code: "usd", amount: DEMO_SHIPPING.usd },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })

  log(`creating ${DEMO_PRODUCTS.length} demo products`)
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: DEMO_PRODUCTS.map((p) => ({
        title: p.title,
        handle: p.handle,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: profile.id,
        sales_channels: [{ id: basics.sales_channel_id }],
        options: [{ title: "Default", values: ["Default"] }],
        variants: [
          {
            title: "Default",
            sku: p.handle.toUpperCase(),
            manage_inventory: true,
            options: { Default: "Default" },
            prices: [
              { currency_code: "eur", amount: p.eur },
              { currency_code: "usd", amount: p.usd },
            ],
          },
        ],
      })),
    },
  })

  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product_id", "inventory_items.inventory_item_id"],
    filters: { product_id: products.map((p) => p.id) },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: variants.map((v) => ({
        location_id: location.id,
        inventory_item_id: v.inventory_items![0]!.inventory_item_id,
        stocked_quantity: DEMO_PRODUCTS.find(
          (p) => p.handle === products.find((x) => x.id === v.product_id)!.handle
        )!.stock,
      })),
    },
  })

  return {
    stock_location_id: location.id,
    shipping_profile_id: profile.id,
    shipping_option_id: shippingOption.id,
    products: products.map((p) => ({
      id: p.id,
      handle: p.handle,
      variant_id: variants.find((v) => v.product_id === p.id)!.id,
    })),
  }
}
