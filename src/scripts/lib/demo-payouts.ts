import type { MedusaContainer } from "@medusajs/framework/types"
import { setVendorPayoutAccountWorkflow } from "../../workflows/payout/workflows/set-vendor-payout-account"
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
