import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import { PAYOUT_MODULE } from "../../../modules/payout"
import type PayoutModuleService from "../../../modules/payout/service"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import { destinationOf, isPastHold, type PayoutDestination } from "../../../modules/payout/destination"

export type PayableVendor = {
  vendor_id: string
  currency_code: string
  provider: string
  payout_account_id: string
  destination: PayoutDestination
}

/**
 * Who a run pays: active vendors (a suspended vendor's money is held) with
 * an active default payout account whose change hold has passed
 * (`active_from`, MARKETPLACE_PAYOUT_ACCOUNT_HOLD_HOURS: until then the
 * vendor is skipped and its money waits) and a positive available balance.
 * The exact amount is decided later, under the vendor's lock; the account's
 * destination is copied onto the payout.
 */
export const listPayableVendorsStep = createStep(
  "list-payable-vendors",
  async (input: { currency_code?: string | null; vendor_ids?: string[]; at?: Date | string | null }, { container }) => {
    const payouts: PayoutModuleService = container.resolve(PAYOUT_MODULE)
    const at = input.at ? new Date(input.at) : new Date()
    const accounts = (
      await payouts.listPayoutAccounts({
        is_default: true,
        status: "active",
        ...(input.vendor_ids ? { vendor_id: input.vendor_ids } : {}),
      })
    ).filter((a) => isPastHold(a, at))
    if (!accounts.length) return new StepResponse([] as PayableVendor[])
    const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
    const active = await vendors.listVendors({ id: accounts.map((a) => a.vendor_id), status: "active" }, { select: ["id"] })
    const activeIds = new Set(active.map((v) => v.id))
    const accountOf = new Map(accounts.filter((a) => activeIds.has(a.vendor_id)).map((a) => [a.vendor_id, a]))
    if (!accountOf.size) return new StepResponse([] as PayableVendor[])
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const balances = await ledger.positiveAvailableBalances({
      currency_code: input.currency_code ?? undefined,
      vendor_ids: [...accountOf.keys()],
    })
    return new StepResponse(
      balances.map((b) => {
        const account = accountOf.get(b.vendor_id)!
        return {
          vendor_id: b.vendor_id,
          currency_code: b.currency_code,
          provider: account.provider,
          payout_account_id: account.id,
          destination: destinationOf(account, at),
        }
      })
    )
  }
)
