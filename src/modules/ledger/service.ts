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

  /** Posted amounts of one vendor order, by type (for exact reversals). */
  async sumsForVendorOrder(vendorOrderId: string): Promise<Record<string, any>> {
    const rows = await this.listVendorTransactions({ vendor_order_id: vendorOrderId }, { select: ["type", "amount", "raw_amount"] as any })
    const sums: Record<string, any> = {}
    for (const r of rows as any[]) sums[r.type] = MathBN.add(sums[r.type] ?? 0, r.raw_amount ?? r.amount)
    return sums
  }
}

export default LedgerModuleService
