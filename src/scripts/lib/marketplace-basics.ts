import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createTaxRegionsWorkflow,
  createUserAccountWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { INVOICE_PAYMENT_PROVIDER } from "../../lib/invoice-terms"

/**
 * What every Lilium marketplace needs before anything is sold, demo or not:
 * the EUR and USD regions with the system payment provider and payment by
 * invoice (pp_invoice_invoice, offered only to companies on payment terms), tax regions,
 * the marketplace sales channel with its publishable key, the store's
 * currencies and the operator's admin login.
 *
 * Used by the seed script and by the HTTP test harness, so that tests run on
 * exactly the set-up a new installation gets. Each part is skipped when it
 * already exists, so running it twice changes nothing.
 */

export const MARKETPLACE_SALES_CHANNEL = "Lilium Marketplace"
export const SYSTEM_PAYMENT_PROVIDER = "pp_system_default"
/** Every region offers these; the store routes hide the invoice provider from customers it is not for (issue 19). */
export const REGION_PAYMENT_PROVIDERS = [SYSTEM_PAYMENT_PROVIDER, INVOICE_PAYMENT_PROVIDER]

export const REGION_DEFINITIONS = [
  {
    name: "Europe",
    currency_code: "eur",
    countries: ["de", "fr", "nl", "be", "at", "it", "es"],
  },
  {
    name: "United States",
    currency_code: "usd",
    countries: ["us"],
  },
] as const

export type MarketplaceBasics = {
  store_id: string
  sales_channel_id: string
  publishable_key: string
  regions: { id: string; name: string; currency_code: string; countries: string[] }[]
  admin: { email: string; password: string; created: boolean }
}

type Log = (message: string) => void

export async function seedMarketplaceBasics(
  container: MedusaContainer,
  // adminPassword null: no admin user (production without MEDUSA_ADMIN_PASSWORD; see seed-policy.ts).
  options: { adminEmail: string; adminPassword: string | null; log?: Log }
): Promise<MarketplaceBasics> {
  const log = options.log ?? (() => {})
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const storeModule = container.resolve(Modules.STORE)

  const [store] = await storeModule.listStores({}, { take: 1 })

  // Sales channel
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  let [salesChannel] = await salesChannelModule.listSalesChannels({
    name: MARKETPLACE_SALES_CHANNEL,
  })
  if (!salesChannel) {
    log("creating the marketplace sales channel")
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: {
        salesChannelsData: [
          {
            name: MARKETPLACE_SALES_CHANNEL,
            description: "Every vendor's products are sold here",
          },
        ],
      },
    })
    salesChannel = result[0]
  }

  // Regions (pp_system_default and pp_invoice_invoice on every one) and their tax regions. A host store that did not
  // register Lilium's invoice provider (plugin install) gets the system provider only.
  const registered = await container.resolve(Modules.PAYMENT).listPaymentProviders({ id: [...REGION_PAYMENT_PROVIDERS] })
  const regionProviders = REGION_PAYMENT_PROVIDERS.filter((p) => p === SYSTEM_PAYMENT_PROVIDER || registered.some((r) => r.id === p))
  const regionModule = container.resolve(Modules.REGION)
  const existingRegions = await regionModule.listRegions(
    { name: { $in: REGION_DEFINITIONS.map((r) => r.name) } },
    { relations: ["countries"] }
  )
  const missing = REGION_DEFINITIONS.filter((def) => !existingRegions.some((r) => r.name === def.name))
  if (missing.length) {
    log(`creating regions: ${missing.map((r) => r.name).join(", ")}`)
    await createRegionsWorkflow(container).run({
      input: {
        regions: missing.map((def) => ({
          name: def.name,
          currency_code: def.currency_code,
          countries: [...def.countries],
          payment_providers: [...regionProviders],
          automatic_taxes: true,
        })),
      },
    })
    const taxModule = container.resolve(Modules.TAX)
    const existingTax = await taxModule.listTaxRegions({
      country_code: missing.flatMap((r) => [...r.countries]),
    })
    const taxCountries = missing.flatMap((r) => [...r.countries]).filter((c) => !existingTax.some((t) => t.country_code === c))
    if (taxCountries.length) {
      await createTaxRegionsWorkflow(container).run({
        input: taxCountries.map((country_code) => ({
          country_code,
          provider_id: "tp_system",
        })),
      })
    }
  }
  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "name", "currency_code", "countries.iso_2", "payment_providers.id"],
    filters: { name: REGION_DEFINITIONS.map((r) => r.name) },
  })
  // Regions made before a provider was added (an installation seeded earlier) get it too.
  for (const region of regions) {
    const has = (region.payment_providers ?? []).map((p) => p?.id).filter(Boolean) as string[]
    if (regionProviders.every((p) => has.includes(p))) continue
    log(`adding payment providers to ${region.name}`)
    await updateRegionsWorkflow(container).run({
      input: { selector: { id: region.id }, update: { payment_providers: [...new Set([...has, ...regionProviders])] } },
    })
  }
  const europe = regions.find((r) => r.name === "Europe")!

  // Store currencies and defaults
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: store.name === "Medusa Store" ? "Lilium Marketplace" : store.name,
        supported_currencies: [{ currency_code: "eur", is_default: true }, { currency_code: "usd" }],
        default_sales_channel_id: salesChannel.id,
        default_region_id: europe.id,
      },
    },
  })

  // Publishable key, linked to the marketplace sales channel
  const apiKeyModule = container.resolve(Modules.API_KEY)
  let apiKey = (await apiKeyModule.listApiKeys({ type: "publishable", title: "Lilium Storefront" })).find((k) => !k.revoked_at)
  if (!apiKey) {
    log("creating the storefront publishable key")
    const { result } = await createApiKeysWorkflow(container).run({
      input: {
        api_keys: [{ title: "Lilium Storefront", type: "publishable", created_by: "" }],
      },
    })
    apiKey = result[0]
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: apiKey.id, add: [salesChannel.id] },
    })
  }

  const admin =
    options.adminPassword === null
      ? { email: options.adminEmail, password: "", created: false }
      : await ensureAdminUser(container, options.adminEmail, options.adminPassword, log)

  return {
    store_id: store.id,
    sales_channel_id: salesChannel.id,
    publishable_key: apiKey.token,
    regions: regions.map((r) => ({
      id: r.id,
      name: r.name,
      currency_code: r.currency_code,
      countries: (r.countries ?? []).map((c) => c!.iso_2),
    })),
    admin,
  }
}

/** Creates the operator's admin user with an emailpass identity, once. */
export async function ensureAdminUser(container: MedusaContainer, email: string, password: string, log: Log = () => {}) {
  const userModule = container.resolve(Modules.USER)
  const [existing] = await userModule.listUsers({ email })
  if (existing) return { email, password, created: false }

  log(`creating the admin user ${email}`)
  const authModule = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await authModule.register("emailpass", {
    body: { email, password },
  })
  if (error || !authIdentity) {
    throw new Error(`could not register the admin identity: ${error}`)
  }
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email } },
  })
  return { email, password, created: true }
}
