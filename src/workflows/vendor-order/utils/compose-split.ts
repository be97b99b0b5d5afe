import { parallelize, transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { computeCommissionsStep } from "../steps/compute-commissions"
import { computeVendorSplitStep } from "../steps/compute-vendor-split"
import { createCommissionLinesStep } from "../steps/create-commission-lines"
import { createVendorOrdersStep } from "../steps/create-vendor-orders"
import { postSplitLedgerStep } from "../steps/post-split-ledger"
import type { VendorLookups } from "./vendor-lookups"

/**
 * The split's steps, composed into the calling workflow (the checkout
 * wrapper and splitOrderByVendorWorkflow), under a lock per order:
 * compute the vendors' parts, their commission, create the vendor orders
 * (skipping vendors already split), their commission lines, and the sale
 * and commission ledger rows. Returns the vendor orders created.
 */
export function composeVendorSplit(input: WorkflowData<{ order_id: string; lookups?: VendorLookups }>) {
  const lockKey = transform({ input }, ({ input }) => `vendor-split:${input.order_id}`)
  // executeOnSubWorkflow: the lock must hold in a sub-workflow run too.
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60, executeOnSubWorkflow: true }).config({ name: "acquire-split-lock" })
  const parts = computeVendorSplitStep(input)
  const priced = computeCommissionsStep({ splits: parts })
  const created = createVendorOrdersStep(
    transform({ input, priced }, ({ input, priced }) => ({ order_id: input.order_id, splits: priced.splits }))
  )
  // Commission lines and ledger rows are independent writes to two modules:
  // they run side by side, so the checkout waits for the slower one only.
  parallelize(
    createCommissionLinesStep(
      transform({ input, priced, created }, ({ input, priced, created }) => ({ order_id: input.order_id, created, lines: priced.lines }))
    ),
    postSplitLedgerStep(
      transform({ input, priced, created }, ({ input, priced, created }) => ({ order_id: input.order_id, splits: priced.splits, created }))
    )
  )
  releaseLockStep({ key: lockKey, executeOnSubWorkflow: true }).config({ name: "release-split-lock" })
  return { created, splits: transform({ priced }, ({ priced }) => priced.splits) }
}
