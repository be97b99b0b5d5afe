import type { MedusaContainer } from "@medusajs/framework/types"
import { setVendorPayoutAccountWorkflow } from "../../workflows/payout/workflows/set-vendor-payout-account"
import { runPayoutsWorkflow } from "../../workflows/payout/workflows/run-payouts"
import { settleManualPayoutWorkflow } from "../../workflows/payout/workflows/settle-manual-payout"
import { minPayout } from "../../utils/payout-hold"
import { VENDOR_MODULE } from "../../modules/vendor"
import type VendorModuleService from "../../modules/vendor/service"
import { DAY_MS, HOUR_MS } from "./demo-clock"
import type { DemoTimeline } from "./demo-timeline"
import type { DemoCatalog } from "./demo-vendors"

// Valid test IBANs (ISO 13616 check digits), one per demo vendor.
const DEMO_IBANS = ["DE89370400440532013000", "DE02120300000000202051", "DE02500105170137075030", "DE88100900001234567892"]

/**
 * Manual payout accounts for the demo vendors, so a payout run in the demo
 * has someone to pay once earnings clear the hold (MARKETPLACE_PAYOUT_HOLD_DAYS).
 */
export async function seedDemoPayoutAccounts(container: MedusaContainer, catalog: DemoCatalog, log: (m: string) => void = () => {}) {
  for (const [i, vendor] of catalog.vendors.entries()) {
    await setVendorPayoutAccountWorkflow(container).run({
      input: {
        vendor_id: vendor.id,
        email: vendor.email,
        provider: "manual",
        details: { account_holder: vendor.handle, iban: DEMO_IBANS[i % DEMO_IBANS.length] },
      },
    })
  }
  log(`manual payout accounts for ${catalog.vendors.length} demo vendors`)
}

/**
 * Two payout runs in the demo's history, as the operator starts them
 * (POST /admin/payout-runs) on the manual provider: each pays every vendor
 * its available balance (delivered more than the hold ago) and waits for the
 * operator's bank transfer. The operator marks the first run's payouts paid
 * the next day, and the second run's too except Papyrus', which stays
 * pending for the demo's operator to settle.
 */
export function planDemoPayoutRuns(container: MedusaContainer, timeline: DemoTimeline, now: number, log: (m: string) => void = () => {}) {
  const runs = [
    { daysAgo: 40, leavePending: [] as string[] },
    { daysAgo: 9, leavePending: ["papyrus-supplies"] },
  ]
  for (const [n, run] of runs.entries()) {
    const at = Math.floor((now - run.daysAgo * DAY_MS) / DAY_MS) * DAY_MS + 9 * HOUR_MS
    timeline.add(at, `payout run ${n + 1}`, async () => {
      const { result } = await runPayoutsWorkflow(container).run({ input: { trigger: "operator", min_amount: minPayout() } })
      const vendors = container.resolve<VendorModuleService>(VENDOR_MODULE)
      for (const payout of result.payouts) {
        const [vendor] = await vendors.listVendors({ id: payout.vendor_id }, { select: ["handle"] })
        if (run.leavePending.includes(vendor.handle)) continue
        timeline.add(at + 26 * HOUR_MS, `payout ${payout.id} paid`, async () => {
          await settleManualPayoutWorkflow(container).run({
            input: { id: payout.id, outcome: "paid", reference: `SEPA-DEMO-${n + 1}-${vendor.handle.slice(0, 3).toUpperCase()}` },
          })
        })
      }
      log(`payout run ${n + 1}: ${result.payouts.length} payouts`)
    })
  }
}
