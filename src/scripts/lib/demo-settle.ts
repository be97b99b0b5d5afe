import type { MedusaContainer } from "@medusajs/framework/types"
import { syncSalesFactsWorkflow } from "../../workflows/analytics/workflows/sync-sales-facts"
import type { PlacedOrder } from "./demo-shopfloor"

/**
 * The sales facts of every demo vendor order, computed once more at the end
 * from the final state. The `vendor_order.*` subscribers compute them too,
 * but in `medusa exec` the last ones may be cut off when the process ends,
 * and with Redis they wait for a worker; the workflow recomputes from the
 * source under a lock, so whichever runs last writes the same rows.
 */
export async function syncDemoSalesFacts(container: MedusaContainer, placed: PlacedOrder[]) {
  const ids = placed.flatMap((o) => Object.values(o.vendor_orders).map((v) => v.id))
  // Two at a time: the machine may have two cores, and each sync is a few small queries.
  for (let i = 0; i < ids.length; i += 2) {
    await Promise.all(ids.slice(i, i + 2).map((id) => syncSalesFactsWorkflow(container).run({ input: { vendor_order_id: id } })))
  }
  return ids.length
}
