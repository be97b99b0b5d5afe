import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { SalesFact } from "./models/sales-fact"
import { FACT_COLUMNS, type FactRow } from "./types"
import { aggregateSql, performanceSql, seriesSql, topSql, vendorOrderCountsSql, type Scope } from "./queries"

/**
 * The sales fact table and what is read from it. Facts are replaced per
 * vendor order (derived data, recomputed from the source); the rollups are
 * kept current by database triggers on the facts, in the same transaction
 * (see the migrations): hourly per vendor and per marketplace (totals and
 * series, when the range and the time zone are hour-aligned), and daily per
 * product, category and company and per vendor's vendor orders (top lists
 * and vendor performance, for the whole UTC days of any range, the facts
 * answering for the partial days at its edges).
 */
class AnalyticsModuleService extends MedusaService({ SalesFact }) {
  /** Replaces the facts of these vendor orders with `rows`, in one transaction. */
  @InjectTransactionManager()
  async replaceVendorOrderFacts(vendorOrderIds: string[], rows: FactRow[], @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    if (vendorOrderIds.length) {
      await manager.execute(
        `delete from sales_fact where deleted_at is null and vendor_order_id in (${vendorOrderIds.map(() => "?").join(", ")})`,
        vendorOrderIds
      )
    }
    // Batches keep each statement under PostgreSQL's 65535 parameters.
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000)
      const values: unknown[] = []
      const tuples = batch.map((row) => {
        values.push(row.id ?? generateEntityId(undefined, "sfact"), ...FACT_COLUMNS.map((c) => row[c] ?? null))
        return `(${["?", ...FACT_COLUMNS.map(() => "?")].join(", ")})`
      })
      await manager.execute(`insert into sales_fact (id, ${FACT_COLUMNS.join(", ")}) values ${tuples.join(", ")}`, values)
    }
  }

  /** Recomputes every rollup from the facts (after a bulk load with triggers off, or to repair). */
  @InjectTransactionManager()
  async rebuildRollups(@MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(`select lilium_rebuild_sales_rollups()`)
  }

  /** Raw rows of a query (for the rebuild check and the facts' own reads). */
  @InjectManager()
  async sql<T = any>(query: string, params: unknown[] = [], @MedusaContext() sharedContext: Context = {}): Promise<T[]> {
    return (sharedContext.manager as SqlEntityManager).execute(query, params)
  }

  /** Totals over [from, to): gmv, commission, refunds, orders, vendor orders, cancellations, buyers, companies (minor units). */
  async aggregate(scope: Scope) {
    const { sql, params } = aggregateSql(scope)
    const [row] = await this.sql(sql, params)
    return row as Record<string, string | number | null>
  }

  /** One row per period in the time zone, empty periods included. */
  async series(scope: Scope & { interval: "day" | "week" | "month" }) {
    const { sql, params } = seriesSql(scope)
    return this.sql(sql, params)
  }

  /** The biggest ids of a dimension by GMV. */
  async top(scope: Scope & { dimension: "vendor" | "product" | "category" | "company"; limit: number }) {
    const { sql, params } = topSql(scope)
    return this.sql(sql, params)
  }

  /** How many vendors have vendor orders placed in the range. */
  async vendorCount(scope: Omit<Scope, "tz" | "use_rollups"> & Partial<Scope>): Promise<number> {
    const counts = vendorOrderCountsSql(scope)
    const [row] = await this.sql(`select count(*)::int as n from (${counts.sql}) c`, counts.params)
    return row?.n ?? 0
  }

  /** Per vendor: counts for acceptance, cancellation, return and late-shipment rates, and the median hours to ship. */
  async vendorPerformance(scope: Scope & { sla_hours: number; now: Date; limit: number; offset: number }) {
    const { sql, params } = performanceSql(scope)
    return this.sql(sql, params)
  }
}

export default AnalyticsModuleService
