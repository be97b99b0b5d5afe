import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { marketplaceGauges } from "../lib/metrics"
import { collectQueueDepth } from "../lib/metrics/queues"
import { LEDGER_MODULE } from "../modules/ledger"
import type LedgerModuleService from "../modules/ledger/service"
import { VENDOR_MODULE } from "../modules/vendor"
import type VendorModuleService from "../modules/vendor/service"
import { metricsCacheSeconds, stuckWorkflowMinutes } from "../options"
import { opsRedis, opsRedisReady } from "../lib/metrics/ops-redis"

// Workflow states that mean "not finished" (Medusa's TransactionState).
const RUNNING_STATES = ["invoking", "compensating", "waiting_to_compensate"]

let lastCollected = 0
let inFlight: Promise<void> | undefined

/**
 * Sets the marketplace gauges from the database (five grouped counts through
 * the owning modules and Query) and the queue depth from Redis. Reused for
 * METRICS_CACHE_SECONDS so that frequent scrapes from several Prometheus
 * servers cost one read; concurrent scrapes share one collection.
 */
export async function collectMarketplaceMetrics(container: MedusaContainer): Promise<void> {
  if (Date.now() - lastCollected < metricsCacheSeconds() * 1000) return
  inFlight ??= collect(container).finally(() => {
    inFlight = undefined
  })
  return inFlight
}

async function collect(container: MedusaContainer): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const workflows = container.resolve(Modules.WORKFLOW_ENGINE)
  const stuckBefore = new Date(Date.now() - stuckWorkflowMinutes() * 60_000)
  const redis = opsRedis()
  try {
    const [orders, refunds, byStatus, payouts, stuck] = await Promise.all([
      query.graph({ entity: "order", fields: ["id"], pagination: { take: 1, skip: 0 } }),
      query.graph({ entity: "refund", fields: ["id"], pagination: { take: 1, skip: 0 } }),
      vendors.countVendorOrdersByStatus(),
      ledger.countPayoutsByStatus(),
      workflows.listAndCountWorkflowExecutions(
        { state: RUNNING_STATES, updated_at: { $lt: stuckBefore.toISOString() } },
        { take: 1, select: ["id"] }
      ),
      // Redis being down must not hide the database figures (the readiness check reports it).
      redis
        ? opsRedisReady(redis)
            .then(() => collectQueueDepth(redis))
            .catch(() => marketplaceGauges.scrapeErrors.inc())
        : undefined,
    ])
    marketplaceGauges.orders.set(orders.metadata?.count ?? orders.data.length)
    marketplaceGauges.refunds.set(refunds.metadata?.count ?? refunds.data.length)
    // Statuses that emptied since the last scrape must read 0, not their old value.
    marketplaceGauges.vendorOrders.reset()
    for (const [status, n] of Object.entries(byStatus)) marketplaceGauges.vendorOrders.set({ status }, n)
    marketplaceGauges.payouts.reset()
    for (const p of payouts) marketplaceGauges.payouts.set({ status: p.status, provider: p.provider }, p.count)
    marketplaceGauges.stuckWorkflows.set(stuck[1])
    lastCollected = Date.now()
  } catch (e) {
    marketplaceGauges.scrapeErrors.inc()
    throw e
  }
}
