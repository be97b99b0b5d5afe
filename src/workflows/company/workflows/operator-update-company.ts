import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditContext, AuditEntryInput, AuditRecord } from "../../../modules/audit/types"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { snapshotAuditTargetStep } from "../../audit/steps/snapshot-audit-target"
import type { UpdateCompanyStepInput } from "../steps/update-company"
import { updateCompanyWorkflow } from "./update-company"

export type OperatorUpdateCompanyInput = UpdateCompanyStepInput & { audit?: AuditContext }

/**
 * The audit entry of an operator's change: `company.suspended` or
 * `company.reactivated` when the status changed (with whatever else changed
 * in the same call), `company.updated` for payment terms or credit limit
 * alone; none when nothing changed (a repeated call). The record step keeps
 * only the changed fields, plus the currency for reading a credit limit.
 */
export function companyAuditEntries(id: string, before: AuditRecord, after: AuditRecord): AuditEntryInput[] {
  if (!before || !after) return []
  const changed = Object.keys(after).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
  if (!changed.length) return []
  const action = changed.includes("status")
    ? after.status === "suspended"
      ? "company.suspended"
      : "company.reactivated"
    : "company.updated"
  return [{ action, target_type: "company", target_id: id, vendor_id: null, before, after }]
}

/**
 * The operator sets a company's status, payment terms or credit limit
 * (updateCompanyWorkflow, with its compensation and `company.updated` event)
 * and the change goes into the audit trail as the last step: if appending
 * the entry fails, the change is undone, so neither exists without the other.
 */
export const operatorUpdateCompanyWorkflow = createWorkflow("operator-update-company", (input: OperatorUpdateCompanyInput) => {
  const before = snapshotAuditTargetStep({ target_type: "company", id: input.id })
  const company = updateCompanyWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => {
      const { audit: _audit, ...update } = input
      return update
    }),
  })
  const after = snapshotAuditTargetStep({ target_type: "company", id: input.id }).config({ name: "snapshot-company-after" })
  recordAuditStep({
    audit: input.audit,
    entries: transform({ input, before, after }, ({ input, before, after }) => companyAuditEntries(input.id, before, after)),
  })
  return new WorkflowResponse(company)
})
