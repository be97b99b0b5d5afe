import type { MedusaContainer } from "@medusajs/framework/types"
import type { MarketplaceBasics } from "./marketplace-basics"
import { seedDemoVendors } from "./demo-vendors"
import { seedDemoCatalogExtras } from "./demo-catalog"
import { seedDemoCommissionRules } from "./demo-commission"
import { seedDemoPayoutAccounts, planDemoPayoutRuns } from "./demo-payouts"
import { createDemoBuyer, DEMO_INDIVIDUAL_BUYERS, type DemoBuyer } from "./demo-buyers"
import { planDemoInvoiceOrders, seedDemoApprovedOrder, seedDemoCompany, seedDemoQuote } from "./demo-companies"
import { planDemoHistory, DEMO_HISTORY_DAYS } from "./demo-history"
import { DemoShopfloor } from "./demo-shopfloor"
import { DemoTimeline } from "./demo-timeline"
import { syncDemoSalesFacts } from "./demo-settle"
import { DAY_MS, demoClock } from "./demo-clock"
import { holdEvents } from "./demo-events"

/**
 * The demo marketplace (README, "The demo"): set up as it was 95 days ago
 * (vendors, catalog, commission rules, payout accounts, buyers, a company),
 * then 90 days of trade replayed at their moments (demo-clock.ts), then
 * today's open business (an approved company order, a quote).
 */
export async function seedDemo(container: MedusaContainer, basics: MarketplaceBasics, log: (m: string) => void) {
  // Durations in performance.now(): Date is the demo clock while the history is made.
  const started = performance.now()
  const now = Date.now()
  demoClock.set(now - (DEMO_HISTORY_DAYS + 5) * DAY_MS)
  const held = holdEvents(container)
  try {
    const catalog = await seedDemoVendors(container, basics, log)
    const shop = await seedDemoCatalogExtras(container, basics, catalog, log)
    await seedDemoCommissionRules(container, catalog, shop, log)
    await seedDemoPayoutAccounts(container, catalog, log)
    const individuals: DemoBuyer[] = []
    for (const person of DEMO_INDIVIDUAL_BUYERS) individuals.push(await createDemoBuyer(container, person))
    const company = await seedDemoCompany(container, log)

    const floor = await new DemoShopfloor(container, basics, shop).load(catalog)
    const timeline = new DemoTimeline()
    planDemoHistory(timeline, floor, { individuals, employees: [company.admin, company.buyer] }, now)
    planDemoInvoiceOrders(container, timeline, floor, company, now)
    planDemoPayoutRuns(container, timeline, now, log)
    const phases: string[] = [`set-up ${Math.round((performance.now() - started) / 1000)}s`]
    let mark = performance.now()
    const phase = (name: string) => {
      phases.push(`${name} ${Math.round((performance.now() - mark) / 1000)}s`)
      mark = performance.now()
    }
    await floor.prepareCarts()
    phase("carts")
    const events = await timeline.replay(log)
    // The history's messages would have gone out back then; nothing else is left for its subscribers (demo-events.ts).
    await held.release(false)
    if (process.env.SEED_DEMO_TIMING) log(`timing: ${[...timeline.timing].map(([k, ms]) => `${k} ${Math.round(ms)}ms`).join(", ")}`)
    demoClock.restore()
    phase("replay")

    await seedDemoApprovedOrder(container, floor, company)
    await seedDemoQuote(container, floor, individuals[0], log)
    const synced = await syncDemoSalesFacts(container, floor.placed)
    phase("today and sales facts")
    log(
      `demo history: ${floor.placed.length} orders (${synced} vendor orders), ${events} events over ${DEMO_HISTORY_DAYS} days, ` +
        `in ${Math.round((performance.now() - started) / 1000)}s (${phases.join(", ")})`
    )
    for (const p of [...individuals, company.admin, company.approver, company.buyer]) log(`demo buyer: ${p.email} / lilium-buyer`)
  } finally {
    demoClock.restore()
    await held.release(false)
  }
}
