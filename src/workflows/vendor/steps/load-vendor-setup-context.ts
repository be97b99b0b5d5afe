import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"

/**
 * Gathers what a vendor's selling set-up needs: the marketplace sales
 * channel (the store's default) and every region's countries. Fails before
 * anything is created when the marketplace itself is not set up.
 */
export const loadVendorSetupContextStep = createStep("load-vendor-setup-context", async (_: void, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [store] = await container.resolve(Modules.STORE).listStores({}, { take: 1 })
  if (!store?.default_sales_channel_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The store has no default sales channel; run the seed first.")
  }
  const { data: regions } = await query.graph({ entity: "region", fields: ["currency_code", "countries.iso_2"] })
  const countries = [...new Set(regions.flatMap((r) => (r.countries ?? []).map((c) => c!.iso_2)))].sort()
  if (!countries.length) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "No region has countries to ship to.")
  }
  const currencies = [...new Set(regions.map((r) => r.currency_code))].sort()
  return new StepResponse({ sales_channel_id: store.default_sales_channel_id, countries, currencies })
})
