import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { rawAmount, type WithAmount } from "../../../lib/money"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import { destinationDetails } from "../../../modules/payout/destination"

/** A payout as the ledger module returns it (the fields the API shows). */
export type PayoutRecord = WithAmount<"amount"> & {
  id: string
  vendor_id: string
  currency_code: string
  status: string
  provider: string
  payout_account_id: string
  reference?: string | null
  run_id?: string | null
  attempt: number
  paid_at?: Date | string | null
  failed_at?: Date | string | null
  failure_code?: string | null
  failure_reason?: string | null
  last_error?: string | null
  created_by?: string | null
  destination?: Record<string, unknown> | null
  created_at: Date | string
  updated_at: Date | string
}

/** The destination copied onto a payout when it was created (see the Payout model). */
type PayoutDestination = {
  payout_account_id?: string | null
  provider: string
  external_id?: string | null
  data?: Record<string, unknown> | null
  taken_at?: string | null
}

/** A payout as the API shows it (the contract's fields, then the details). */
export function serializePayout(p: PayoutRecord, opts: { admin?: boolean } = {}) {
  return {
    id: p.id,
    vendor_id: p.vendor_id,
    // The exact stored amount, as the number Medusa serializes amounts as.
    amount: MathBN.convert(rawAmount(p, "amount")).toNumber(),
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
export function serializeDestination(destination: Record<string, unknown> | null | undefined, opts: { admin?: boolean } = {}) {
  if (!destination) return null
  const d = destination as PayoutDestination
  return {
    payout_account_id: d.payout_account_id ?? null,
    provider: d.provider,
    external_id: d.external_id ?? null,
    details: destinationDetails(d.provider, d.data, !!opts.admin),
    taken_at: d.taken_at ?? null,
  }
}

/** Filters from validated list params, for LedgerModuleService.listAndCountPayouts. */
export function payoutFilters<Q extends { offset: number; limit: number }>(query: Q) {
  const { offset: _o, limit: _l, ...filters } = query
  return filters
}

/** A page of payouts, newest first. */
export async function listPayoutsPage(scope: MedusaContainer, filters: Record<string, unknown>, page: { offset: number; limit: number }) {
  const ledger: LedgerModuleService = scope.resolve(LEDGER_MODULE)
  const [rows, count] = await ledger.listAndCountPayouts(filters, {
    skip: page.offset,
    take: page.limit,
    order: { created_at: "DESC", id: "DESC" },
  })
  return { rows, count }
}

/** One payout with the ledger rows it covers; 404 if it is not in `scopeFilter`. */
export async function retrievePayoutDetail(scope: MedusaContainer, id: string, scopeFilter: Record<string, unknown> = {}) {
  const ledger: LedgerModuleService = scope.resolve(LEDGER_MODULE)
  const [payout] = await ledger.listPayouts({ id, ...scopeFilter })
  if (!payout) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payout with id: ${id} was not found`)
  const items = await ledger.listPayoutItems({ payout_id: id }, { select: ["transaction_id"] })
  const covered = items.length
    ? (await ledger.listTransactionsPage({ id: items.map((i) => i.transaction_id) }, { skip: 0, take: items.length })).transactions
    : []
  const postings = (await ledger.listTransactionsPage({ payout_id: id }, { skip: 0, take: 100 })).transactions
  return { payout, covered, postings }
}
