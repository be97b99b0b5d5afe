import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createPriceListPricesWorkflow,
  getExistingPriceListsPriceIdsStep,
  removePriceListPricesWorkflow,
  updatePriceListsWorkflow,
} from "@medusajs/medusa/core-flows"
import type { VendorPriceListPrice } from "./create-vendor-price-list"

export type UpdateVendorPriceListInput = {
  /** A price list of the caller vendor (the vendor scope proved it). */
  id: string
  update: { title?: string; description?: string; starts_at?: string | null; ends_at?: string | null }
  /** When given, every price of the list is replaced by these (variants proved the vendor's own). */
  prices?: VendorPriceListPrice[]
}

/**
 * Changes a vendor's company price list through Medusa's workflows: the
 * title, description and dates (updatePriceListsWorkflow), and, when prices
 * are sent, all prices replaced (removePriceListPricesWorkflow, then
 * createPriceListPricesWorkflow). The company rule is not
 * changed here: a list is for one company. Each Medusa step compensates.
 */
export const updateVendorPriceListWorkflow = createWorkflow("update-vendor-price-list", (input: UpdateVendorPriceListInput) => {
  when({ input }, ({ input }) => Object.keys(input.update).length > 0).then(() => {
    updatePriceListsWorkflow.runAsStep({
      input: { price_lists_data: transform({ input }, ({ input }) => [{ id: input.id, ...input.update }]) },
    })
  })
  when({ input }, ({ input }) => !!input.prices).then(() => {
    const existing = getExistingPriceListsPriceIdsStep(transform({ input }, ({ input }) => ({ price_list_ids: [input.id] })))
    // Old prices out first, then the new ones in: Medusa's addPriceListPrices upserts a price with the same
    // variant, currency and quantity tier onto the existing row, which a parallel removal would then delete.
    const removed = removePriceListPricesWorkflow.runAsStep({
      input: transform({ input, existing }, ({ input, existing }) => ({ ids: existing[input.id] ?? [] })),
    })
    createPriceListPricesWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        data: [
          {
            id: input.id,
            prices: (input.prices ?? []).map((p) => ({
              variant_id: p.variant_id,
              currency_code: p.currency_code,
              amount: p.amount,
              min_quantity: p.min_quantity ?? null,
              max_quantity: p.max_quantity ?? null,
            })),
          },
        ],
      })),
    })
    return removed
  })
  return new WorkflowResponse(transform({ input }, ({ input }) => ({ id: input.id })))
})
