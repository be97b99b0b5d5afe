import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { computeSalesFactsStep } from "../steps/compute-sales-facts"
import { saveSalesFactsStep } from "../steps/save-sales-facts"

/**
 * Recomputes a vendor order's facts from the source. It runs after every
 * change of a vendor order (subscribers/sync-sales-facts.ts), under a lock
 * per vendor order, so two changes in a row never leave the older state.
 */
export const syncSalesFactsWorkflow = createWorkflow("sync-sales-facts", (input: { vendor_order_id: string }) => {
  const key = transform({ input }, ({ input }) => `sales-facts:${input.vendor_order_id}`)
  acquireLockStep({ key, timeout: 30, ttl: 60 })
  const ids = transform({ input }, ({ input }) => [input.vendor_order_id])
  const rows = computeSalesFactsStep({ vendor_order_ids: ids })
  const saved = saveSalesFactsStep({ vendor_order_ids: ids, rows })
  releaseLockStep({ key })
  return new WorkflowResponse(saved)
})
