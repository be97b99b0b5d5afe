import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import { createVendorWorkflow } from "../../workflows/vendor/workflows/create-vendor"
import { changeVendorStatusWorkflow } from "../../workflows/vendor/workflows/change-vendor-status"
import { createVendorProductsWorkflow } from "../../workflows/vendor-catalog/workflows/create-vendor-products"
import type { MarketplaceBasics } from "./marketplace-basics"

/**
 * The demo marketplace: three active vendors, each with an owner login, a
 * product with stock at its own location and a flat-rate shipping option,
 * and one vendor still waiting for approval. Everything goes through the
 * same workflows as the API (apply, approve, create products), so the demo
 * is what a real onboarding produces.
 */

export const DEMO_VENDOR_PASSWORD = "lilium-vendor"

export const DEMO_VENDORS = [
  {
    name: "Lumen Office Lighting",
    email: "owner@lumen.demo",
    product: { title: "Lilium Desk Lamp", handle: "desk-lamp", eur: 49.9, usd: 54.9, stock: 100 },
    shipping: { name: "Lumen Standard", eur: 4.95, usd: 5.95 },
  },
  {
    name: "Oakline Furniture",
    email: "owner@oakline.demo",
    product: { title: "Oak Office Chair", handle: "oak-office-chair", eur: 289, usd: 319, stock: 25 },
    shipping: { name: "Oakline Freight", eur: 4.95, usd: 5.95 },
  },
  {
    name: "Papyrus Supplies",
    email: "owner@papyrus.demo",
    product: { title: "Recycled Paper A4 (500 sheets)", handle: "paper-a4-500", eur: 6.45, usd: 7.1, stock: 1000 },
    shipping: { name: "Papyrus Parcel", eur: 4.95, usd: 5.95 },
  },
] as const

export const DEMO_PENDING_VENDOR = { name: "Nordic Notebooks", email: "owner@nordic.demo" }

export type DemoCatalog = {
  vendors: { id: string; handle: string; email: string; status: string }[]
  products: { id: string; handle: string; variant_id: string; vendor_id: string }[]
}

type Log = (message: string) => void

async function registerVendorLogin(container: MedusaContainer, email: string) {
  const { authIdentity, error } = await container.resolve(Modules.AUTH).register("emailpass", {
    body: { email, password: DEMO_VENDOR_PASSWORD },
  })
  if (error || !authIdentity) throw new Error(`could not register ${email}: ${error}`)
  await markDemoEmailVerified(container, authIdentity.id, email)
  return authIdentity.id
}

/**
 * Demo owners have no inbox, and approval needs the owner's verified e-mail:
 * the seed verifies it through the auth module itself (a verification
 * requested and confirmed with its own code, as the e-mailed link would),
 * so the row is a real verified one and no e-mail is sent.
 */
async function markDemoEmailVerified(container: MedusaContainer, authIdentityId: string, email: string) {
  const auth = container.resolve(Modules.AUTH)
  const requested = await auth.requestAuthVerification({
    auth_identity_id: authIdentityId,
    entity_id: email,
    entity_type: "email",
    code_provider: "token",
    metadata: { seeded: true },
  })
  if (!requested.code) throw new Error(`no verification code for ${email}`)
  await auth.confirmAuthVerification({ auth_identity_id: authIdentityId, code: requested.code, code_provider: "token" })
}

async function applyDemoVendor(container: MedusaContainer, name: string, email: string) {
  const { result } = await createVendorWorkflow(container).run({
    input: {
      vendor: {
        name,
        email,
        status: "pending",
        address: { address_1: "Demo Street 1", city: "Berlin", postal_code: "10115", country_code: "de" },
        metadata: { demo: true },
      },
      owner: { email, first_name: "Demo", last_name: "Owner" },
      auth_identity_id: await registerVendorLogin(container, email),
    },
  })
  return result.vendor
}

export type SellingVendorSpec = {
  name: string
  email: string
  product: { title: string; handle: string; eur: number; usd: number; stock: number }
  shipping: { name: string; eur: number; usd: number }
}

/**
 * One vendor ready to sell, made the way onboarding makes it: apply (with
 * an owner login), approve (stock location, service zone, shipping
 * profile), a product with stock at its location, and a flat-rate shipping
 * option. Used by the seed and by the checkout benchmark.
 */
export async function seedSellingVendor(container: MedusaContainer, basics: MarketplaceBasics, spec: SellingVendorSpec) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const applied = await applyDemoVendor(container, spec.name, spec.email)
  const { result: vendor } = await changeVendorStatusWorkflow(container).run({
    input: { vendor_id: applied.id, action: "approve" },
  })
  const { data: setup } = await query.graph({
    entity: "vendor",
    fields: ["shipping_profile.id", "stock_locations.id", "stock_locations.fulfillment_sets.service_zones.id"],
    filters: { id: vendor.id },
  })
  const profileId = setup[0]?.shipping_profile?.id
  const location = setup[0]?.stock_locations?.[0]
  const zoneId = location?.fulfillment_sets?.[0]?.service_zones?.[0]?.id
  if (!profileId || !location || !zoneId) throw new Error(`Vendor ${spec.name} has no shipping profile or service zone after approval`)

  const { result: products } = await createVendorProductsWorkflow(container).run({
    input: {
      vendor_id: vendor.id,
      shipping_profile_id: profileId,
      sales_channel_id: basics.sales_channel_id,
      products: [
        {
          title: spec.product.title,
          handle: spec.product.handle,
          status: ProductStatus.PUBLISHED,
          options: [{ title: "Default", values: ["Default"] }],
          variants: [
            {
              title: "Default",
              sku: spec.product.handle.toUpperCase(),
              manage_inventory: true,
              options: { Default: "Default" },
              prices: [
                { currency_code: "eur", amount: spec.product.eur },
                { currency_code: "usd", amount: spec.product.usd },
              ],
            },
          ],
        },
      ],
    },
  })
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "inventory_items.inventory_item_id"],
    filters: { product_id: products[0].id },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: [
        {
          location_id: location.id,
          inventory_item_id: variants[0].inventory_items![0]!.inventory_item_id,
          stocked_quantity: spec.product.stock,
        },
      ],
    },
  })
  const { result: options } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: spec.shipping.name,
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: zoneId,
        shipping_profile_id: profileId,
        type: { label: "Standard", description: spec.shipping.name, code: "standard" },
        prices: [
          { currency_code: "eur", amount: spec.shipping.eur },
          { currency_code: "usd", amount: spec.shipping.usd },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })
  return {
    vendor: { id: vendor.id, handle: vendor.handle, email: spec.email, status: vendor.status },
    product: { id: products[0].id, handle: spec.product.handle, variant_id: variants[0].id, vendor_id: vendor.id },
    shipping_option_id: options[0].id as string,
  }
}

export async function seedDemoVendors(container: MedusaContainer, basics: MarketplaceBasics, log: Log = () => {}): Promise<DemoCatalog> {
  const out: DemoCatalog = { vendors: [], products: [] }
  for (const demo of DEMO_VENDORS) {
    log(`creating demo vendor ${demo.name} (${demo.email})`)
    const made = await seedSellingVendor(container, basics, demo)
    out.vendors.push(made.vendor)
    out.products.push(made.product)
  }

  log(`creating pending demo vendor ${DEMO_PENDING_VENDOR.name}`)
  const pending = await applyDemoVendor(container, DEMO_PENDING_VENDOR.name, DEMO_PENDING_VENDOR.email)
  out.vendors.push({ id: pending.id, handle: pending.handle, email: DEMO_PENDING_VENDOR.email, status: pending.status })
  return out
}
