import { transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { computeCommissionsStep } from "../steps/compute-commissions"
import { computeVendorSplitStep } from "../steps/compute-vendor-split"
import { writeVendorSplitStep } from "../steps/write-vendor-split"
import type { VendorLookups } from "./vendor-lookups"

/**
 * The split's steps, composed into the calling workflow (the checkout
 * wrapper and splitOrderByVendorWorkflow), under a lock per order unless the
 * caller is the only one that can split it (`lock: false`, see below):
 * compute the vendors' parts and their commission (reads only), then write
 * the vendor orders (skipping vendors already split), their commission
 * lines and their sale and commission ledger rows in one transaction
 * (writeVendorSplitStep). Returns the vendor orders created.
 */
export function composeVendorSplit(
  input: WorkflowData<{ order_id: string; lookups?: VendorLookups; require_active_vendors?: boolean }>,
  { lock }: { lock: boolean } = { lock: true }
) {
  const lockKey = transform({ input }, ({ input }) => `vendor-split:${input.order_id}`)
  if (lock) {
    // executeOnSubWorkflow: the lock must hold in a sub-workflow run too.
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60, executeOnSubWorkflow: true }).config({ name: "acquire-split-lock" })
  }
  const parts = computeVendorSplitStep(input)
  const priced = computeCommissionsStep({ splits: parts })
  // Vendor orders, lines, commission lines and ledger rows: one database
  // transaction, so a failure leaves none of them (decision 48).
  const created = writeVendorSplitStep(
    transform({ input, priced }, ({ input, priced }) => ({
      order_id: input.order_id,
      splits: priced.splits,
      lines: priced.lines,
      require_active_vendors: input.require_active_vendors,
    }))
  )
  if (lock) releaseLockStep({ key: lockKey, executeOnSubWorkflow: true }).config({ name: "release-split-lock" })
  return { created, splits: transform({ priced }, ({ priced }) => priced.splits) }
}
