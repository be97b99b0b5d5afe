import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYOUT_MODULE } from "../../../modules/payout"
import type PayoutModuleService from "../../../modules/payout/service"

export type SavePayoutAccountInput = {
  vendor_id: string
  email: string
  country_code?: string | null
  provider: string
  details?: Record<string, unknown>
}

/**
 * Opens (or refreshes) the vendor's account with a provider and makes it
 * the default one payouts use. Stripe accounts are created once per vendor
 * (the request is idempotent per vendor) and kept when the vendor switches
 * providers and back. Compensation restores the vendor's previous accounts.
 */
export const savePayoutAccountStep = createStep(
  "save-payout-account",
  async (input: SavePayoutAccountInput, { container }) => {
    const payouts: PayoutModuleService = container.resolve(PAYOUT_MODULE)
    const previous = await payouts.listPayoutAccounts({ vendor_id: input.vendor_id })
    const existing = previous.find((a) => a.provider === input.provider)
    const opened = await payouts.provider(input.provider).createAccount({
      vendor_id: input.vendor_id,
      email: input.email,
      country_code: input.country_code,
      details: input.details,
      external_id: existing?.external_id ?? null,
    })
    const others = previous.filter((a) => a.id !== existing?.id && a.is_default)
    if (others.length) await payouts.updatePayoutAccounts(others.map((a) => ({ id: a.id, is_default: false })))
    const fields = {
      status: opened.status,
      status_reason: opened.status_reason ?? null,
      external_id: opened.external_id,
      data: opened.data,
      is_default: true,
      synced_at: new Date(),
    }
    const account = existing
      ? await payouts.updatePayoutAccounts({ id: existing.id, ...fields })
      : await payouts.createPayoutAccounts({ vendor_id: input.vendor_id, provider: input.provider, ...fields })
    return new StepResponse(account, { previous, created: existing ? null : account.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const payouts: PayoutModuleService = container.resolve(PAYOUT_MODULE)
    if (undo.created) await payouts.deletePayoutAccounts(undo.created)
    if (undo.previous.length) {
      await payouts.updatePayoutAccounts(
        undo.previous.map((a) => ({ id: a.id, is_default: a.is_default, status: a.status, status_reason: a.status_reason, external_id: a.external_id, data: a.data, synced_at: a.synced_at }))
      )
    }
  }
)
