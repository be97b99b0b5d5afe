import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import VendorProductLink from "../../../links/vendor-product"

/** The vendor's product ids and the marketplace sales channel. */
export const loadVendorCatalogStep = createStep("load-vendor-catalog", async (input: { vendor_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: VendorProductLink.entryPoint,
    fields: ["product_id"],
    filters: { vendor_id: input.vendor_id },
  })
  const [store] = await container.resolve(Modules.STORE).listStores({}, { take: 1 })
  return new StepResponse({
    product_ids: data.map((l: any) => l.product_id as string),
    sales_channel_id: store.default_sales_channel_id as string,
  })
})
