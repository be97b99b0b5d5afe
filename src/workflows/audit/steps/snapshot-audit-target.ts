import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditRecord } from "../../../modules/audit/types"
import { readAuditTarget } from "../targets"

export type SnapshotAuditTargetInput = {
  target_type: string
  /** The target's id, or filters that find it (the vendor's default payout account). */
  id?: string | null
  filters?: Record<string, unknown>
}

/**
 * Reads the audited fields of a target before a workflow changes it: the
 * `before` of the entry that `recordAuditStep` appends at the end. Read-only,
 * so nothing to compensate.
 */
export const snapshotAuditTargetStep = createStep("snapshot-audit-target", async (input: SnapshotAuditTargetInput, { container }) => {
  const filters = input.filters ?? (input.id ? { id: input.id } : null)
  const before: AuditRecord = filters ? await readAuditTarget(container, input.target_type, filters) : null
  return new StepResponse(before)
})
