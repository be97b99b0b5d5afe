import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import type { PayableVendor } from "./list-payable-vendors"

export type CreateVendorPayoutsInput = { run_id: string; vendors: PayableVendor[]; min_amount: string; created_by?: string | null }

/**
 * One payout per vendor and currency, each created with its ledger debit and
 * a copy of its destination in one transaction (see
 * LedgerModuleService.createPayoutForBalance). If the
 * run fails later, payouts that never reached a provider are failed and
 * their debits reversed; payouts that did reach one are left for a resume,
 * because the provider may have moved the money.
 */
export const createVendorPayoutsStep = createStep(
  "create-vendor-payouts",
  async (input: CreateVendorPayoutsInput, { container }) => {
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const ids: string[] = []
    for (const vendor of input.vendors) {
      const payout = await ledger.createPayoutForBalance({
        ...vendor,
        run_id: input.run_id,
        min_amount: input.min_amount,
        created_by: input.created_by ?? null,
      })
      if (payout) ids.push(payout.id)
    }
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const untouched = await ledger.listPayouts({ id: ids, status: "pending", attempted_at: null }, { select: ["id"] })
    for (const { id } of untouched) {
      await ledger.failPayout(id, { code: "run_aborted", reason: "The payout run stopped before this payout was sent" }, ["pending"])
    }
  }
)
