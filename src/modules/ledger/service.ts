import type { Context } from "@medusajs/framework/types"
import { InjectManager, MathBN, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { VendorTransaction } from "./models/vendor-transaction"
import { VendorTransactionRelease } from "./models/vendor-transaction-release"

export type Posting = {
  vendor_id: string
  type: string
  amount: any
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

export type Balance = { currency_code: string; pending: number; available: number; paid_out: number }

class LedgerModuleService extends MedusaService({ VendorTransaction, VendorTransactionRelease }) {
  /**
   * Posts rows that are not posted yet (by idempotency key), so a retried
   * posting is harmless. Returns the ids of the rows this call created.
   */
  async post(rows: Posting[]): Promise<string[]> {
    if (!rows.length) return []
    const existing = await this.listVendorTransactions({ idempotency_key: rows.map((r) => r.idempotency_key) }, { select: ["idempotency_key"] })
    const seen = new Set(existing.map((e) => e.idempotency_key))
    const fresh = rows.filter((r) => !seen.has(r.idempotency_key))
    if (!fresh.length) return []
    const created = await this.createVendorTransactions(fresh as any)
    return (Array.isArray(created) ? created : [created]).map((c: any) => c.id)
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
    return (Array.isArray(created) ? created : [created]).map((c: any) => c.id)
  }

  /**
   * Balances per currency, summed from the rows (never stored): pending
   * (not available yet), available (available by `at`) and paid_out
   * (payouts net of their reversals, as a positive amount).
   */
  @InjectManager()
  async balances(vendorId: string, at: Date = new Date(), @MedusaContext() sharedContext: Context = {}): Promise<Balance[]> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows: any[] = await manager.execute(
      `select t.currency_code,
              coalesce(sum(t.amount) filter (where coalesce(t.available_at, r.available_at) is null or coalesce(t.available_at, r.available_at) > ?), 0) as pending,
              coalesce(sum(t.amount) filter (where coalesce(t.available_at, r.available_at) <= ?), 0) as available,
              coalesce(-sum(t.amount) filter (where t.type in ('payout', 'payout_reversal')), 0) as paid_out
         from vendor_transaction t
         left join vendor_transaction_release r on r.transaction_id = t.id and r.deleted_at is null
        where t.vendor_id = ? and t.deleted_at is null
        group by t.currency_code
        order by t.currency_code`,
      [at, at, vendorId]
    )
    return rows.map((r) => ({
      currency_code: r.currency_code,
      pending: Number(r.pending),
      available: Number(r.available),
      paid_out: Number(r.paid_out),
    }))
  }

  /**
   * A page of a vendor's transactions, newest first, each with its
   * effective available_at (its own, or its release's) and whether it is
   * available at `at`.
   */
  async listTransactionsPage(
    filters: Record<string, unknown>,
    page: { skip: number; take: number },
    at: Date = new Date()
  ) {
    const [rows, count] = await this.listAndCountVendorTransactions(filters, {
      skip: page.skip,
      take: page.take,
      order: { created_at: "DESC", id: "DESC" },
    })
    const pending = rows.filter((r) => !r.available_at).map((r) => r.id)
    const releases = pending.length ? await this.listVendorTransactionReleases({ transaction_id: pending }) : []
    const releaseOf = new Map(releases.map((r) => [r.transaction_id, r.available_at]))
    const transactions = rows.map((r: any) => {
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
    if (range.from) (where.push("created_at >= ?"), params.push(range.from))
    if (range.to) (where.push("created_at < ?"), params.push(range.to))
    if (range.currency_code) (where.push("currency_code = ?"), params.push(range.currency_code))
    const rows: any[] = await manager.execute(
      `select vendor_id, currency_code, -sum(amount) as commission_total
         from vendor_transaction where ${where.join(" and ")}
        group by vendor_id, currency_code order by commission_total desc, vendor_id`,
      params
    )
    return rows.map((r) => ({ vendor_id: r.vendor_id, currency_code: r.currency_code, commission_total: Number(r.commission_total) }))
  }

  /** Posted amounts of one vendor order, by type (for exact reversals). */
  async sumsForVendorOrder(vendorOrderId: string): Promise<Record<string, any>> {
    const rows = await this.listVendorTransactions({ vendor_order_id: vendorOrderId }, { select: ["type", "amount", "raw_amount"] as any })
    const sums: Record<string, any> = {}
    for (const r of rows as any[]) sums[r.type] = MathBN.add(sums[r.type] ?? 0, r.raw_amount ?? r.amount)
    return sums
  }
}

export default LedgerModuleService
