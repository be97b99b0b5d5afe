import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ANALYTICS_MODULE } from "../../../modules/analytics"
import type AnalyticsModuleService from "../../../modules/analytics/service"
import { FACT_COLUMNS, type FactRow } from "../../../modules/analytics/types"

/**
 * Replaces the vendor orders' facts (the rollups follow in the same
 * transaction, by trigger). Compensation puts the previous rows back.
 */
export const saveSalesFactsStep = createStep(
  "save-sales-facts",
  async (input: { vendor_order_ids: string[]; rows: FactRow[] }, { container }) => {
    const analytics: AnalyticsModuleService = container.resolve(ANALYTICS_MODULE)
    const previous = input.vendor_order_ids.length
      ? await analytics.listSalesFacts({ vendor_order_id: input.vendor_order_ids }, { select: ["id", ...FACT_COLUMNS] })
      : []
    await analytics.replaceVendorOrderFacts(input.vendor_order_ids, input.rows)
    return new StepResponse(input.rows.length, { ids: input.vendor_order_ids, previous: previous as unknown as FactRow[] })
  },
  async (undo, { container }) => {
    if (!undo) return
    const analytics: AnalyticsModuleService = container.resolve(ANALYTICS_MODULE)
    await analytics.replaceVendorOrderFacts(undo.ids, undo.previous)
  }
)
