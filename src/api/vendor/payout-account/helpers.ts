import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { PAYOUT_MODULE } from "../../../modules/payout"
import type PayoutModuleService from "../../../modules/payout/service"
import { destinationDetails } from "../../../modules/payout/destination"

/** A payout account as the payout module returns it (the fields the API shows). */
export type PayoutAccountRecord = {
  id: string
  vendor_id: string
  provider: string
  status: string
  status_reason?: string | null
  is_default: boolean
  external_id?: string | null
  data?: Record<string, unknown> | null
  active_from?: Date | string | null
  changed_at?: Date | string | null
  created_at: Date | string
  updated_at: Date | string
}

/** 403 for a suspended or rejected vendor: it may not change where it is paid (pending vendors set it up while onboarding). */
export function assertMayChangePayoutAccount(req: { vendor_context: { vendor: { status: string } } }) {
  const { status } = req.vendor_context.vendor
  if (status === "suspended" || status === "rejected") {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, `The vendor is ${status}; its payout account cannot be changed.`)
  }
}

/**
 * A payout account. Vendors see their IBAN masked; operators, who pay
 * manual payouts, see it whole.
 */
export function serializePayoutAccount(a: PayoutAccountRecord | null | undefined, opts: { admin?: boolean } = {}) {
  if (!a) return null
  const details = destinationDetails(a.provider, a.data, !!opts.admin)
  return {
    id: a.id,
    vendor_id: a.vendor_id,
    provider: a.provider,
    status: a.status,
    status_reason: a.status_reason ?? null,
    is_default: a.is_default,
    external_id: a.external_id ?? null,
    details,
    // A changed destination receives payouts from then on (MARKETPLACE_PAYOUT_ACCOUNT_HOLD_HOURS); null = already.
    active_from: a.active_from ?? null,
    changed_at: a.changed_at ?? null,
    created_at: a.created_at,
    updated_at: a.updated_at,
  }
}

/** The vendor's default payout account, or null. */
export async function defaultPayoutAccount(scope: MedusaContainer, vendorId: string) {
  const payouts: PayoutModuleService = scope.resolve(PAYOUT_MODULE)
  const [account] = await payouts.listPayoutAccounts({ vendor_id: vendorId, is_default: true })
  return account ?? null
}
