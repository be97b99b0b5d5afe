import type { BigNumberInput, Context } from "@medusajs/framework/types"
import {
  BigNumber,
  InjectManager,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { VendorTransaction, type TransactionType } from "./models/vendor-transaction"
import { VendorTransactionRelease } from "./models/vendor-transaction-release"
import { Payout, PayoutItem, type PayoutStatus } from "./models/payout"
import { stateConflict } from "../../lib/errors/state-conflict"
import { columnAmount, rawAmount } from "../../lib/money"

export type Posting = {
  vendor_id: string
  type: TransactionType
  amount: BigNumberInput
  currency_code: string
  idempotency_key: string
  order_id?: string | null
  vendor_order_id?: string | null
  payout_id?: string | null
  reference?: string | null
  note?: string | null
  created_by?: string | null
  available_at?: Date | null
}

export type Balance = { currency_code: string; pending: number; available: number; in_transit: number; paid_out: number }

export type CreatePayoutInput = {
  vendor_id: string
  currency_code: string
  provider: string
  payout_account_id: string
  /** The destination snapshot stored on the payout (see the Payout model). */
  destination?: Record<string, unknown> | null
  run_id?: string | null
  /** No payout below this amount (MARKETPLACE_MIN_PAYOUT). */
  min_amount?: number | string
  created_by?: string | null
  at?: Date
}

// Ledger rows a new payout may cover: available, not payout rows
// themselves, and not covered by a payout that is still standing (a failed
// payout's rows are free again, because its debit was reversed).
/**
 * A vendor's balance figures over vendor_transaction t (two placeholders: the
 * moment at, twice), shared by balances() and vendorMoney() so the balance
 * page and the analytics overview cannot disagree. PostgreSQL returns the
 * numeric sums as strings: exact until the API's number.
 */
const BALANCE_FIGURES_SQL = `coalesce(sum(t.amount) filter (where coalesce(t.available_at, r.available_at) is null or coalesce(t.available_at, r.available_at) > ?), 0) as pending,
              coalesce(sum(t.amount) filter (where coalesce(t.available_at, r.available_at) <= ?), 0) as available,
              coalesce(-sum(t.amount) filter (where p.status in ('pending', 'processing')), 0) as in_transit,
              coalesce(-sum(t.amount) filter (where p.status = 'paid'), 0) as paid_out
         from vendor_transaction t
         left join vendor_transaction_release r on r.transaction_id = t.id and r.deleted_at is null
         left join payout p on p.id = t.payout_id and t.type in ('payout', 'payout_reversal')`

type BalanceRow = { pending: string; available: string; in_transit: string; paid_out: string }

const balanceOf = (currency_code: string, r: BalanceRow): Balance => ({
  currency_code,
  pending: new BigNumber(r.pending).numeric,
  available: new BigNumber(r.available).numeric,
  in_transit: new BigNumber(r.in_transit).numeric,
  paid_out: new BigNumber(r.paid_out).numeric,
})

const UNCOVERED_AVAILABLE_SQL = `
  select t.id, t.amount, t.order_id
    from vendor_transaction t
    left join vendor_transaction_release r on r.transaction_id = t.id and r.deleted_at is null
   where t.vendor_id = ? and t.currency_code = ? and t.deleted_at is null
     and t.type not in ('payout', 'payout_reversal')
     and coalesce(t.available_at, r.available_at) <= ?
     and not exists (
       select 1 from payout_item i join payout p on p.id = i.payout_id
        where i.transaction_id = t.id and i.deleted_at is null and p.deleted_at is null and p.status <> 'failed')
   order by t.created_at, t.id`

class LedgerModuleService extends MedusaService({ VendorTransaction, VendorTransactionRelease, Payout, PayoutItem }) {
  /**
   * Posts rows that are not posted yet (by idempotency key), so a retried
   * posting is harmless. Returns the ids of the rows this call created.
   */
  async post(rows: Posting[]): Promise<string[]> {
    if (!rows.length) return []
    const existing = await this.listVendorTransactions(
      { idempotency_key: rows.map((r) => r.idempotency_key) },
      { select: ["idempotency_key"] }
    )
    const seen = new Set(existing.map((e) => e.idempotency_key))
    const fresh = rows.filter((r) => !seen.has(r.idempotency_key))
    if (!fresh.length) return []
    const created = await this.createVendorTransactions(fresh.map((r) => ({ ...r, amount: columnAmount(r.amount) })))
    return (Array.isArray(created) ? created : [created]).map((c) => c.id)
  }

  /** Makes a vendor order's pending rows available at `availableAt` (once per row). */
  async releaseVendorOrder(vendorOrderId: string, availableAt: Date): Promise<string[]> {
    const rows = await this.listVendorTransactions({ vendor_order_id: vendorOrderId, available_at: null }, { select: ["id"] })
    if (!rows.length) return []
    const released = await this.listVendorTransactionReleases({ transaction_id: rows.map((r) => r.id) }, { select: ["transaction_id"] })
    const done = new Set(released.map((r) => r.transaction_id))
    const todo = rows.filter((r) => !done.has(r.id))
    if (!todo.length) return []
    const created = await this.createVendorTransactionReleases(todo.map((r) => ({ transaction_id: r.id, available_at: availableAt })))
    return (Array.isArray(created) ? created : [created]).map((c) => c.id)
  }

  /**
   * Balances per currency, summed from the rows (never stored): pending
   * (not available yet), available (available by `at`), in_transit
   * (payouts created but not paid yet) and paid_out (paid payouts), the
   * last two as positive amounts.
   */
  /** Payouts by status and provider, for the operator's metrics (one grouped count). */
  @InjectManager()
  async countPayoutsByStatus(@MedusaContext() sharedContext: Context = {}): Promise<{ status: string; provider: string; count: number }[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows: { status: string; provider: string; count: number }[] = await manager.execute(
      `select status, provider, count(*)::int as count from payout where deleted_at is null group by status, provider`
    )
    return rows.map((r) => ({ status: r.status, provider: r.provider, count: Number(r.count) }))
  }

  @InjectManager()
  async balances(vendorId: string, at: Date = new Date(), @MedusaContext() sharedContext: Context = {}): Promise<Balance[]> {
    const manager = sharedContext.manager as SqlEntityManager
    // PostgreSQL returns numeric sums as strings: exact until the API's number.
    const rows: { currency_code: string; pending: string; available: string; in_transit: string; paid_out: string }[] =
      await manager.execute(
        `select t.currency_code, ${BALANCE_FIGURES_SQL}
        where t.vendor_id = ? and t.deleted_at is null
        group by t.currency_code
        order by t.currency_code`,
        [at, at, vendorId]
      )
    return rows.map((r) => balanceOf(r.currency_code, r))
  }

  /**
   * A vendor's money figures in one currency, in one statement (the vendor
   * analytics overview): the payouts paid in [from, to) and the balance at
   * `at` as balances() computes it (null when the vendor has no row in
   * that currency).
   */
  @InjectManager()
  async vendorMoney(
    vendorId: string,
    currencyCode: string,
    range: { from: Date; to: Date },
    at: Date = new Date(),
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ payouts_received: number; balance: Balance | null }> {
    const manager = sharedContext.manager as SqlEntityManager
    const [row]: {
      paid: string
      rows: string
      pending: string
      available: string
      in_transit: string
      paid_out: string
    }[] = await manager.execute(
      `select (select coalesce(sum(amount), 0) from payout
                where vendor_id = ? and currency_code = ? and status = 'paid' and paid_at >= ? and paid_at < ? and deleted_at is null) as paid,
              count(t.id) as rows, ${BALANCE_FIGURES_SQL}
        where t.vendor_id = ? and t.currency_code = ? and t.deleted_at is null`,
      [vendorId, currencyCode, range.from, range.to, at, at, vendorId, currencyCode]
    )
    return {
      payouts_received: new BigNumber(row.paid).numeric,
      balance: Number(row.rows) ? balanceOf(currencyCode, row) : null,
    }
  }

  /**
   * A page of a vendor's transactions, newest first, each with its
   * effective available_at (its own, or its release's) and whether it is
   * available at `at`.
   */
  async listTransactionsPage(filters: Record<string, unknown>, page: { skip: number; take: number }, at: Date = new Date()) {
    const [rows, count] = await this.listAndCountVendorTransactions(filters, {
      skip: page.skip,
      take: page.take,
      order: { created_at: "DESC", id: "DESC" },
    })
    const pending = rows.filter((r) => !r.available_at).map((r) => r.id)
    const releases = pending.length ? await this.listVendorTransactionReleases({ transaction_id: pending }) : []
    const releaseOf = new Map(releases.map((r) => [r.transaction_id, r.available_at]))
    const transactions = rows.map((r) => {
      const availableAt = r.available_at ?? releaseOf.get(r.id) ?? null
      return {
        id: r.id,
        type: r.type,
        amount: r.amount,
        currency_code: r.currency_code,
        order_id: r.order_id,
        vendor_order_id: r.vendor_order_id,
        payout_id: r.payout_id,
        reference: r.reference,
        note: r.note,
        available_at: availableAt,
        status: availableAt && new Date(availableAt) <= at ? "available" : "pending",
        created_at: r.created_at,
      }
    })
    return { transactions, count }
  }

  /** Commission revenue (commission net of reversals) per vendor and currency, by posting date. */
  @InjectManager()
  async commissionRevenue(range: { from?: Date; to?: Date; currency_code?: string }, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    const where = ["type in ('commission', 'commission_reversal')", "deleted_at is null"]
    const params: unknown[] = []
    if (range.from) {
      where.push("created_at >= ?")
      params.push(range.from)
    }
    if (range.to) {
      where.push("created_at < ?")
      params.push(range.to)
    }
    if (range.currency_code) {
      where.push("currency_code = ?")
      params.push(range.currency_code)
    }
    const rows: { vendor_id: string; currency_code: string; commission_total: string }[] = await manager.execute(
      `select vendor_id, currency_code, -sum(amount) as commission_total
         from vendor_transaction where ${where.join(" and ")}
        group by vendor_id, currency_code order by commission_total desc, vendor_id`,
      params
    )
    return rows.map((r) => ({
      vendor_id: r.vendor_id,
      currency_code: r.currency_code,
      commission_total: new BigNumber(r.commission_total).numeric,
    }))
  }

  /** Posted amounts of one vendor order, by type (for exact reversals). */
  async sumsForVendorOrder(vendorOrderId: string): Promise<Record<string, BigNumberInput>> {
    const rows = await this.listVendorTransactions({ vendor_order_id: vendorOrderId }, { select: ["type", "amount", "raw_amount"] })
    const sums: Record<string, BigNumberInput> = {}
    for (const r of rows) sums[r.type] = MathBN.add(sums[r.type] ?? 0, rawAmount(r, "amount"))
    return sums
  }

  // ---- Payouts: each state change and its ledger rows are one transaction.

  /** Serializes payout creation and retries per vendor and currency (transaction-scoped). */
  protected async lockVendorCurrency(manager: SqlEntityManager, vendorId: string, currencyCode: string) {
    await manager.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`payout:${vendorId}:${currencyCode}`])
  }

  /**
   * Creates a payout of the vendor's whole available balance in a currency,
   * with the ledger rows it covers and its debit, in one transaction under a
   * per-vendor lock: a concurrent run sees the debit and finds nothing left
   * to pay. Returns null when there is nothing (or too little) to pay. In a
   * run, the payout already created for this vendor and currency is
   * returned instead of a second one.
   */
  @InjectTransactionManager()
  async createPayoutForBalance(input: CreatePayoutInput, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await this.lockVendorCurrency(manager, input.vendor_id, input.currency_code)
    if (input.run_id) {
      const [existing] = await this.listPayouts(
        { run_id: input.run_id, vendor_id: input.vendor_id, currency_code: input.currency_code },
        {},
        sharedContext
      )
      if (existing) return existing
    }
    const at = input.at ?? new Date()
    const rows: { id: string; amount: string; order_id: string | null }[] = await manager.execute(UNCOVERED_AVAILABLE_SQL, [
      input.vendor_id,
      input.currency_code,
      at,
    ])
    const amount = rows.reduce((sum, r) => MathBN.add(sum, r.amount), MathBN.convert(0))
    if (amount.lte(0) || amount.lt(MathBN.convert(input.min_amount ?? 0))) return null
    const payout = await this.createPayouts(
      {
        vendor_id: input.vendor_id,
        currency_code: input.currency_code,
        amount: columnAmount(amount.toString()),
        provider: input.provider,
        payout_account_id: input.payout_account_id,
        destination: input.destination ?? null,
        run_id: input.run_id ?? null,
        created_by: input.created_by ?? null,
        status: "pending",
        attempt: 1,
      },
      sharedContext
    )
    await this.createPayoutItems(
      rows.map((r) => ({ transaction_id: r.id, payout_id: payout.id })),
      sharedContext
    )
    await this.createVendorTransactions(
      {
        vendor_id: input.vendor_id,
        type: "payout",
        amount: columnAmount(amount.negated().toString()),
        currency_code: input.currency_code,
        payout_id: payout.id,
        available_at: at,
        idempotency_key: `payout:${payout.id}:1`,
      },
      sharedContext
    )
    return payout
  }

  /** Locks a payout row for the rest of the transaction and reads it. */
  protected async lockPayout(manager: SqlEntityManager, id: string) {
    const [row] = await manager.execute(
      `select id, status, provider, vendor_id, currency_code, amount, attempt from payout where id = ? and deleted_at is null for update`,
      [id]
    )
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payout ${id} was not found`)
    return row as {
      id: string
      status: PayoutStatus
      provider: string
      vendor_id: string
      currency_code: string
      amount: string
      attempt: number
    }
  }

  /**
   * Moves a payout from one of `from` to `to` (with `patch`), under a row
   * lock, so a webhook and a run never both move it. Returns whether this
   * call changed it; a replay finds it moved already and changes nothing.
   */
  @InjectTransactionManager()
  async transitionPayout(
    id: string,
    from: PayoutStatus[],
    to: PayoutStatus,
    patch: Record<string, unknown> = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const row = await this.lockPayout(manager, id)
    if (!from.includes(row.status)) return { changed: false, status: row.status }
    await this.updatePayouts({ id, status: to, ...patch }, sharedContext)
    return { changed: true, status: to }
  }

  /**
   * Fails a payout and credits its debit back (payout_reversal), in one
   * transaction. Replays are harmless: a payout that is failed already is
   * left alone, and the reversal's key is per attempt.
   */
  @InjectTransactionManager()
  async failPayout(
    id: string,
    failure: { code: string; reason: string },
    from: PayoutStatus[] = ["pending", "processing"],
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const row = await this.lockPayout(manager, id)
    if (!from.includes(row.status)) return { changed: false, status: row.status }
    await this.updatePayouts(
      { id, status: "failed", failed_at: new Date(), failure_code: failure.code, failure_reason: failure.reason },
      sharedContext
    )
    await this.createVendorTransactions(
      {
        vendor_id: row.vendor_id,
        type: "payout_reversal",
        amount: columnAmount(MathBN.convert(row.amount).toString()),
        currency_code: row.currency_code,
        payout_id: id,
        note: failure.reason,
        available_at: new Date(),
        idempotency_key: `payout:${id}:${row.attempt}:reversal`,
      },
      sharedContext
    )
    return { changed: true, status: "failed" as PayoutStatus }
  }

  /**
   * Re-opens a failed payout as a new attempt: its rows must not have been
   * paid out since by another payout, and it is debited again. A payout
   * left pending or processing (an attempt cut short) is returned as it is,
   * to be resumed with its current attempt's key.
   */
  @InjectTransactionManager()
  async reopenPayout(id: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const peek = await this.lockPayout(manager, id)
    // Decided under the row lock, like every payout transition: a manual
    // payout in processing is with the operator, not stuck.
    if (peek.provider === "manual" && peek.status === "processing") {
      throw stateConflict(`Payout ${id} is with the operator; mark it paid or failed instead`)
    }
    if (peek.status === "pending" || peek.status === "processing") return { reopened: false, status: peek.status }
    if (peek.status === "paid") throw stateConflict(`Payout ${id} is paid; there is nothing to retry`)
    await this.lockVendorCurrency(manager, peek.vendor_id, peek.currency_code)
    const [taken] = await manager.execute(
      `select p.id from payout_item mine
         join payout_item other on other.transaction_id = mine.transaction_id and other.payout_id <> mine.payout_id and other.deleted_at is null
         join payout p on p.id = other.payout_id and p.status <> 'failed' and p.deleted_at is null
        where mine.payout_id = ? and mine.deleted_at is null limit 1`,
      [id]
    )
    if (taken) throw stateConflict(`The earnings of payout ${id} were paid out since by payout ${taken.id}`)
    const attempt = peek.attempt + 1
    await this.updatePayouts(
      {
        id,
        status: "pending",
        attempt,
        failed_at: null,
        failure_code: null,
        failure_reason: null,
        last_error: null,
        attempted_at: null,
        reference: null,
      },
      sharedContext
    )
    await this.createVendorTransactions(
      {
        vendor_id: peek.vendor_id,
        type: "payout",
        amount: columnAmount(MathBN.convert(peek.amount).negated().toString()),
        currency_code: peek.currency_code,
        payout_id: id,
        available_at: new Date(),
        idempotency_key: `payout:${id}:${attempt}`,
      },
      sharedContext
    )
    return { reopened: true, status: "pending" as PayoutStatus }
  }

  /** Vendors with a positive available balance, per currency, in one query (the run's candidates). */
  @InjectManager()
  async positiveAvailableBalances(
    filter: { currency_code?: string; vendor_ids?: string[]; at?: Date } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sharedContext.manager as SqlEntityManager
    const where = ["t.deleted_at is null"]
    const params: unknown[] = [filter.at ?? new Date()]
    if (filter.currency_code) {
      where.push("t.currency_code = ?")
      params.push(filter.currency_code)
    }
    if (filter.vendor_ids) {
      if (!filter.vendor_ids.length) return []
      where.push(`t.vendor_id in (${filter.vendor_ids.map(() => "?").join(", ")})`)
      params.push(...filter.vendor_ids)
    }
    const rows: { vendor_id: string; currency_code: string; available: string }[] = await manager.execute(
      `select t.vendor_id, t.currency_code, sum(t.amount) as available
         from vendor_transaction t
         left join vendor_transaction_release r on r.transaction_id = t.id and r.deleted_at is null
        where coalesce(t.available_at, r.available_at) <= ? and ${where.join(" and ")}
        group by t.vendor_id, t.currency_code
       having sum(t.amount) > 0
        order by t.vendor_id, t.currency_code`,
      params
    )
    return rows.map((r) => ({ vendor_id: r.vendor_id as string, currency_code: r.currency_code as string, available: String(r.available) }))
  }

  /** The single order a payout's rows belong to, if they all belong to one (Stripe's transfer_group). */
  async payoutOrderId(payoutId: string): Promise<string | null> {
    const items = await this.listPayoutItems({ payout_id: payoutId }, { select: ["transaction_id"] })
    if (!items.length) return null
    const rows = await this.listVendorTransactions({ id: items.map((i) => i.transaction_id) }, { select: ["order_id"] })
    const orders = new Set(rows.map((r) => r.order_id))
    return orders.size === 1 ? ([...orders][0] ?? null) : null
  }
}

export default LedgerModuleService
