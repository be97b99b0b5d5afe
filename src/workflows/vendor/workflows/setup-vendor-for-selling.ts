import { Modules } from "@medusajs/framework/utils"
import type { LinkDefinition } from "@medusajs/framework/types"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createFulfillmentSets,
  createRemoteLinkStep,
  createShippingProfilesStep,
  createShippingOptionsWorkflow,
  createStockLocations,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import { VENDOR_MODULE } from "../../../modules/vendor"
import { loadVendorSetupContextStep } from "../steps/load-vendor-setup-context"

export type SetupVendorForSellingInput = {
  vendor: { id: string; handle: string; name: string; address?: Record<string, any> | null }
}

/**
 * What a vendor needs to sell, created together or not at all (each step
 * compensates): its stock location in the marketplace sales channel, served
 * by the manual fulfillment provider, a shipping fulfillment set whose
 * service zone covers every region's countries, and its own shipping profile.
 * The own profile is what makes Medusa's cart ask for one shipping method
 * per vendor. A free return option (customer sends the goods back to the
 * vendor's location) is created too: Medusa's returns need one.
 */
export const setupVendorForSellingWorkflow = createWorkflow("setup-vendor-for-selling", (input: SetupVendorForSellingInput) => {
  const context = loadVendorSetupContextStep()

  const locationInput = transform({ input }, ({ input }) => {
    const a = input.vendor.address ?? {}
    return [
      {
        name: `${input.vendor.name} (${input.vendor.handle})`,
        address: {
          address_1: a.address_1 ?? "",
          city: a.city ?? null,
          postal_code: a.postal_code ?? null,
          country_code: (a.country_code ?? "de").toUpperCase(),
        },
        metadata: { vendor_id: input.vendor.id },
      },
    ]
  })
  const locations = createStockLocations(locationInput)

  linkSalesChannelsToStockLocationWorkflow.runAsStep({
    input: transform({ locations, context }, ({ locations, context }) => ({
      id: locations[0].id,
      add: [context.sales_channel_id],
    })),
  })

  const sets = createFulfillmentSets(
    transform({ input, context }, ({ input, context }) => [
      {
        name: `${input.vendor.handle} shipping`,
        type: "shipping",
        service_zones: [
          {
            name: `${input.vendor.name} delivery area`,
            geo_zones: context.countries.map((country_code) => ({
              type: "country" as const,
              country_code,
            })),
          },
        ],
      },
    ])
  )

  const profiles = createShippingProfilesStep(
    transform({ input }, ({ input }) => [{ name: `Vendor ${input.vendor.handle}`, type: "vendor" }])
  )

  createRemoteLinkStep(
    transform({ input, locations, sets, profiles }, ({ input, locations, sets, profiles }): LinkDefinition[] => [
      {
        [VENDOR_MODULE]: { vendor_id: input.vendor.id },
        [Modules.STOCK_LOCATION]: { stock_location_id: locations[0].id },
      },
      {
        [VENDOR_MODULE]: { vendor_id: input.vendor.id },
        [Modules.FULFILLMENT]: { shipping_profile_id: profiles[0].id },
      },
      {
        [Modules.STOCK_LOCATION]: { stock_location_id: locations[0].id },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
      },
      {
        [Modules.STOCK_LOCATION]: { stock_location_id: locations[0].id },
        [Modules.FULFILLMENT]: { fulfillment_set_id: sets[0].id },
      },
    ])
  )

  createShippingOptionsWorkflow.runAsStep({
    input: transform({ input, sets, profiles, context }, ({ input, sets, profiles, context }) => [
      {
        name: `Return to ${input.vendor.name}`,
        price_type: "flat" as const,
        provider_id: "manual_manual",
        service_zone_id: sets[0].service_zones[0].id,
        shipping_profile_id: profiles[0].id,
        type: { label: "Return", description: `Return to ${input.vendor.name}`, code: "return" },
        prices: context.currencies.map((currency_code) => ({ currency_code, amount: 0 })),
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "true", operator: "eq" as const },
        ],
      },
    ]),
  })

  return new WorkflowResponse({
    stock_location_id: locations[0].id,
    shipping_profile_id: profiles[0].id,
    fulfillment_set_id: sets[0].id,
    service_zone_id: transform({ sets }, ({ sets }) => sets[0].service_zones[0].id),
  })
})
