import { MedusaError } from "@medusajs/framework/utils"
import { LEDGER_MODULE } from "../../modules/ledger"
import type LedgerModuleService from "../../modules/ledger/service"
import { PAYOUT_MODULE } from "../../modules/payout"
import type PayoutModuleService from "../../modules/payout/service"
import { destinationDetails } from "../../modules/payout/destination"

/** A payout as the API shows it (the contract's fields, then the details). */
export function serializePayout(p: any, opts: { admin?: boolean } = {}) {
  return {
    id: p.id,
    vendor_id: p.vendor_id,
    amount: Number(p.amount),
    currency_code: p.currency_code,
    status: p.status,
    provider: p.provider,
    reference: p.reference ?? null,
    created_at: p.created_at,
    run_id: p.run_id ?? null,
    attempt: p.attempt,
    paid_at: p.paid_at ?? null,
    failed_at: p.failed_at ?? null,
    failure_code: p.failure_code ?? null,
    failure_reason: p.failure_reason ?? null,
    updated_at: p.updated_at,
    destination: serializeDestination(p.destination, opts),
    ...(opts.admin ? { payout_account_id: p.payout_account_id, last_error: p.last_error ?? null, created_by: p.created_by ?? null } : {}),
  }
}

/**
 * Where a payout goes: the copy taken when it was created, never the
 * account as it is now. IBANs masked for vendors, whole for operators.
 * Null only for payouts created before destinations were recorded.
 */
export function serializeDestination(d: any, opts: { admin?: boolean } = {}) {
  if (!d) return null
  return {
    payout_account_id: d.payout_account_id ?? null,
    provider: d.provider,
    external_id: d.external_id ?? null,
    details: destinationDetails(d.provider, d.data, !!opts.admin),
    taken_at: d.taken_at ?? null,
  }
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
export function serializePayoutAccount(a: any, opts: { admin?: boolean } = {}) {
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

/** Filters from validated list params, for LedgerModuleService.listAndCountPayouts. */
export function payoutFilters(query: Record<string, any>) {
  const { offset: _o, limit: _l, ...filters } = query
  return filters
}

/** A page of payouts, newest first. */
export async function listPayoutsPage(scope: any, filters: Record<string, unknown>, page: { offset: number; limit: number }) {
  const ledger: LedgerModuleService = scope.resolve(LEDGER_MODULE)
  const [rows, count] = await ledger.listAndCountPayouts(filters, {
    skip: page.offset,
    take: page.limit,
    order: { created_at: "DESC", id: "DESC" },
  })
  return { rows, count }
}

/** One payout with the ledger rows it covers; 404 if it is not in `scopeFilter`. */
export async function retrievePayoutDetail(scope: any, id: string, scopeFilter: Record<string, unknown> = {}) {
  const ledger: LedgerModuleService = scope.resolve(LEDGER_MODULE)
  const [payout] = await ledger.listPayouts({ id, ...scopeFilter })
  if (!payout) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payout with id: ${id} was not found`)
  const items = await ledger.listPayoutItems({ payout_id: id } as any, { select: ["transaction_id"] })
  const covered = items.length
    ? (await ledger.listTransactionsPage({ id: items.map((i) => i.transaction_id) }, { skip: 0, take: items.length })).transactions
    : []
  const postings = (await ledger.listTransactionsPage({ payout_id: id }, { skip: 0, take: 100 })).transactions
  return { payout, covered, postings }
}

/** The vendor's default payout account, or null. */
export async function defaultPayoutAccount(scope: any, vendorId: string) {
  const payouts: PayoutModuleService = scope.resolve(PAYOUT_MODULE)
  const [account] = await payouts.listPayoutAccounts({ vendor_id: vendorId, is_default: true })
  return account ?? null
}
