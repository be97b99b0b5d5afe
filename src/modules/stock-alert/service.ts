import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { StockAlert } from "./models/stock-alert"

export type StockAlertTarget = { variant_id: string; sales_channel_id: string }

/**
 * Back-in-stock alerts. Writes go through the stock-alert workflows; the
 * sender reads the (variant, sales channel) pairs with active alerts and
 * claims alerts with a compare-and-set, so two runs never send one twice.
 */
class StockAlertModuleService extends MedusaService({ StockAlert }) {
  /** The distinct (variant, sales channel) pairs that have active alerts, optionally only for these variants. */
  @InjectManager()
  async listActiveTargets(variantIds?: string[], @MedusaContext() sharedContext: Context = {}): Promise<StockAlertTarget[]> {
    if (variantIds && !variantIds.length) return []
    const manager = sharedContext.manager as SqlEntityManager
    const only = variantIds ? ` and variant_id in (${variantIds.map(() => "?").join(", ")})` : ""
    return await manager.execute(
      `select distinct variant_id, sales_channel_id from stock_alert where status = 'active' and deleted_at is null${only}`,
      variantIds ?? []
    )
  }

  /**
   * active → sent for the given alerts that are still active, in one
   * statement: the row lock makes a concurrent run's update of the same row
   * wait and then find it no longer active. Returns the ids this call won.
   */
  @InjectTransactionManager()
  async claimActive(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    if (!ids.length) return []
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows: { id: string }[] = await manager.execute(
      `update stock_alert set status = 'sent', sent_at = now(), updated_at = now()
       where id in (${ids.map(() => "?").join(", ")}) and status = 'active' and deleted_at is null returning id`,
      ids
    )
    return rows.map((r) => r.id)
  }

  /** The compensation of claimActive: back to active, for alerts whose sending failed. */
  @InjectTransactionManager()
  async unclaim(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!ids.length) return
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(
      `update stock_alert set status = 'active', sent_at = null, updated_at = now()
       where id in (${ids.map(() => "?").join(", ")}) and status = 'sent'`,
      ids
    )
  }
}

export default StockAlertModuleService
