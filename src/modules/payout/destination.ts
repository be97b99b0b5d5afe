import { payoutAccountHoldHours as accountHoldHoursSetting } from "../../options"

/**
 * Where money goes: a payout account's provider, the provider's account id
 * (Stripe `acct_…`) and its details (bank details for manual payouts).
 * A payout stores a copy of this when it is created (`payout.destination`),
 * and is sent, retried and shown with that copy only.
 */
export type PayoutDestination = {
  payout_account_id: string
  provider: string
  external_id: string | null
  data: Record<string, unknown> | null
  /** When the copy was taken (the payout's creation). */
  taken_at: string
}

type AccountLike = { id?: string; provider: string; external_id?: string | null; data?: unknown }

/** The copy of an account's destination that a new payout keeps. */
export function destinationOf(account: AccountLike & { id: string }, at: Date = new Date()): PayoutDestination {
  return {
    payout_account_id: account.id,
    provider: account.provider,
    external_id: account.external_id ?? null,
    data: account.data ? JSON.parse(JSON.stringify(account.data)) : null,
    taken_at: at.toISOString(),
  }
}

/**
 * What identifies where the money lands: the provider, its account id and,
 * for bank details, the IBAN (normalized). The account holder's name or a
 * Stripe account's requirements are not part of it.
 */
export function destinationKey(account: AccountLike | null | undefined): string | null {
  if (!account) return null
  const data = (account.data ?? {}) as Record<string, unknown>
  const iban = typeof data.iban === "string" ? data.iban.replace(/\s+/g, "").toUpperCase() : ""
  return [account.provider, account.external_id ?? "", iban].join("|")
}

/** An IBAN as vendors and e-mails see it: country and check digits, and the last four. */
export const maskIban = (iban: string) => (iban.length > 8 ? `${iban.slice(0, 4)} •••• ${iban.slice(-4)}` : "••••")

/** A destination's details for display: bank details with the IBAN masked unless `whole`. */
export function destinationDetails(provider: string, data: Record<string, any> | null | undefined, whole = false) {
  const d = (data ?? {}) as Record<string, any>
  if (provider !== "manual") return d
  return { account_holder: d.account_holder ?? null, iban: whole ? (d.iban ?? null) : maskIban(String(d.iban ?? "")), bic: d.bic ?? null }
}

/**
 * Option payoutAccountHoldHours, env MARKETPLACE_PAYOUT_ACCOUNT_HOLD_HOURS
 * (default 48; src/options.ts): how long a changed
 * payout destination waits before it receives payouts. 0 = at once.
 */
export function payoutAccountHoldHours(): number {
  return accountHoldHoursSetting()
}

/** Whether an account may receive payouts at `at` (its hold has passed, or it never had one). */
export function isPastHold(account: { active_from?: Date | string | null }, at: Date = new Date()): boolean {
  return !account.active_from || new Date(account.active_from).getTime() <= at.getTime()
}
