import type { BigNumberInput } from "@medusajs/framework/types"

/** What a provider needs to open a payout account for a vendor. */
export type CreatePayoutAccountInput = {
  vendor_id: string
  email: string
  country_code?: string | null
  details?: Record<string, unknown>
  /** The provider's account id when an account is replaced (kept, not recreated). */
  external_id?: string | null
}

export type ProviderAccount = {
  external_id: string | null
  status: "pending" | "active" | "restricted" | "disabled"
  status_reason?: string | null
  data: Record<string, unknown>
}

export type PayoutTransferInput = {
  payout_id: string
  attempt: number
  vendor_id: string
  amount: BigNumberInput
  currency_code: string
  account: { external_id: string | null; data: Record<string, unknown> | null }
  /** The order the payout covers, when it covers exactly one. */
  transfer_group?: string | null
}

/**
 * `paid`: the provider confirmed the money moved (Stripe transfers are
 * synchronous). `processing`: someone still has to act (manual payouts).
 */
export type PayoutTransferResult = { status: "processing" | "paid"; reference: string | null }

/** What a verified webhook means for Lilium. Handlers are idempotent: replays are harmless. */
export type PayoutWebhookAction =
  | { type: "account_updated"; external_id: string; account: ProviderAccount; occurred_at: Date }
  | { type: "transfer_succeeded"; payout_id: string; reference: string }
  | { type: "transfer_reversed"; payout_id: string; reference: string; reason: string }
  | { type: "account_payout_failed"; external_id: string; reason: string; occurred_at: Date }
  | { type: "ignored"; event_type: string }

/**
 * A provider error. `definitive` errors (a decline, an invalid account) fail
 * the payout and reverse its debit; the others (timeouts, 5xx) leave the
 * attempt open, to be resumed with the same idempotency key.
 */
export class PayoutProviderError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly definitive: boolean
  ) {
    super(message)
    this.name = "PayoutProviderError"
  }
}

/** Every payout provider implements this; register one with ModuleProvider("payout", …). */
export interface IPayoutProvider {
  createAccount(input: CreatePayoutAccountInput): Promise<ProviderAccount>
  onboardingLink?(account: { external_id: string | null }, urls: { return_url: string; refresh_url: string }): Promise<{ url: string }>
  transfer(input: PayoutTransferInput): Promise<PayoutTransferResult>
  /** Verifies the signature over the raw body (throws when it is wrong) and maps the event. */
  parseWebhook?(rawBody: Buffer | string, headers: Record<string, unknown>): Promise<PayoutWebhookAction>
}

export const PAYOUT_PROVIDER_PREFIX = "payout_provider_"
export const PAYOUT_PROVIDER_IDS = "payout_provider_ids"

/** A change of where the vendor is paid (null when the destination stayed the same). */
export type PayoutAccountChange = {
  /** The vendor had no payout account before: onboarding, no hold. */
  first: boolean
  changed_at: string
  /** Payouts go to the new destination from then on (null: at once). */
  active_from: string | null
  previous: { provider: string; external_id: string | null; details: Record<string, unknown> } | null
}
