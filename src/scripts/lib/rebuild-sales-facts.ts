import type { MedusaContainer } from "@medusajs/framework/types"
import { ANALYTICS_MODULE } from "../../modules/analytics"
import type AnalyticsModuleService from "../../modules/analytics/service"
import { VENDOR_MODULE } from "../../modules/vendor"
import type VendorModuleService from "../../modules/vendor/service"
import { computeSalesFacts } from "../../workflows/analytics/steps/compute-sales-facts"

/**
 * Recreates the sales facts (and every rollup, hourly and daily) from the source tables:
 * every vendor order, a batch at a time, computed by the same code the
 * live sync uses. Returns the number of vendor orders and facts written.
 */
export async function rebuildSalesFacts(container: MedusaContainer, opts: { batch?: number; log?: (m: string) => void } = {}) {
  const analytics: AnalyticsModuleService = container.resolve(ANALYTICS_MODULE)
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const batch = opts.batch ?? 200
  // TRUNCATE fires no trigger: the rollups go with the facts (and are rebuilt at the end).
  await analytics.sql(
    `truncate sales_fact, sales_rollup_hourly, sales_rollup_hourly_all, sales_rollup_daily_item, sales_rollup_daily_item_all, sales_rollup_daily_vendor_orders,
              sales_rollup_monthly_item, sales_rollup_monthly_item_all, sales_rollup_buyer_days, sales_rollup_buyer_gaps`
  )
  let vendorOrders = 0
  let facts = 0
  for (let skip = 0; ; skip += batch) {
    const page = await vendors.listVendorOrders({}, { select: ["id"], skip, take: batch, order: { id: "ASC" } })
    if (!page.length) break
    const ids = page.map((v) => v.id)
    const rows = await computeSalesFacts(container, ids)
    // Replace, not just insert: a live sync may have written these vendor orders since the truncate.
    await analytics.replaceVendorOrderFacts(ids, rows)
    vendorOrders += page.length
    facts += rows.length
    opts.log?.(`${vendorOrders} vendor orders, ${facts} facts`)
  }
  await analytics.rebuildRollups()
  return { vendor_orders: vendorOrders, facts }
}
