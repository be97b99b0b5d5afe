import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYOUT_MODULE } from "../../../modules/payout"
import type PayoutModuleService from "../../../modules/payout/service"
import { destinationDetails, destinationKey, payoutAccountHoldHours } from "../../../modules/payout/destination"
import type { PayoutAccountChange } from "../../../modules/payout/types"

export type SavePayoutAccountInput = {
  vendor_id: string
  email: string
  country_code?: string | null
  provider: string
  details?: Record<string, unknown>
  /** The member who made the change (null for the seed and scripts). */
  changed_by?: string | null
}

/**
 * Opens (or refreshes) the vendor's account with a provider and makes it
 * the default one payouts use. Stripe accounts are created once per vendor
 * (the request is idempotent per vendor) and kept when the vendor switches
 * providers and back. Compensation restores the vendor's previous accounts.
 *
 * When the destination changes (another provider, Stripe account or IBAN)
 * and the vendor had an account before, the new one receives payouts only
 * after MARKETPLACE_PAYOUT_ACCOUNT_HOLD_HOURS (`active_from`); the payout
 * run skips the vendor until then. Refreshing the same destination keeps
 * its hold as it is.
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
    const before = previous.find((a) => a.is_default) ?? null
    const now = new Date()
    const changed =
      destinationKey(before) !== destinationKey({ provider: input.provider, external_id: opened.external_id, data: opened.data })
    const first = previous.length === 0
    const activeFrom = first ? null : new Date(now.getTime() + payoutAccountHoldHours() * 3_600_000)
    const others = previous.filter((a) => a.id !== existing?.id && a.is_default)
    if (others.length) await payouts.updatePayoutAccounts(others.map((a) => ({ id: a.id, is_default: false })))
    const fields = {
      status: opened.status,
      status_reason: opened.status_reason ?? null,
      external_id: opened.external_id,
      data: opened.data,
      is_default: true,
      synced_at: now,
      ...(changed ? { active_from: activeFrom, changed_at: now, changed_by: input.changed_by ?? null } : {}),
    }
    const account = existing
      ? await payouts.updatePayoutAccounts({ id: existing.id, ...fields })
      : await payouts.createPayoutAccounts({ vendor_id: input.vendor_id, provider: input.provider, ...fields })
    const change: PayoutAccountChange | null = changed
      ? {
          first,
          changed_at: now.toISOString(),
          active_from: activeFrom ? activeFrom.toISOString() : null,
          previous: before
            ? {
                provider: before.provider,
                external_id: before.external_id ?? null,
                details: destinationDetails(before.provider, before.data),
              }
            : null,
        }
      : null
    return new StepResponse({ account, change }, { previous, created: existing ? null : account.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const payouts: PayoutModuleService = container.resolve(PAYOUT_MODULE)
    if (undo.created) await payouts.deletePayoutAccounts(undo.created)
    if (undo.previous.length) {
      await payouts.updatePayoutAccounts(
        undo.previous.map((a) => ({
          id: a.id,
          is_default: a.is_default,
          status: a.status,
          status_reason: a.status_reason,
          external_id: a.external_id,
          data: a.data,
          synced_at: a.synced_at,
          active_from: a.active_from,
          changed_at: a.changed_at,
          changed_by: a.changed_by,
        }))
      )
    }
  }
)
