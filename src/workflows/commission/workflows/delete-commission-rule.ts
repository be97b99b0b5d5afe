import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { deleteCommissionRuleStep } from "../steps/delete-commission-rule"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { snapshotAuditTargetStep } from "../../audit/steps/snapshot-audit-target"
import type { AuditContext } from "../../../modules/audit/types"

export const deleteCommissionRuleWorkflow = createWorkflow("delete-commission-rule", (input: { id: string; audit?: AuditContext }) => {
  const before = snapshotAuditTargetStep({ target_type: "commission_rule", id: input.id })
  deleteCommissionRuleStep(input.id)
  emitEventStep({ eventName: "commission_rule.deleted", data: { id: input.id } })
  recordAuditStep({
    audit: input.audit,
    entries: transform({ input, before }, ({ input, before }) => ({
      action: "commission_rule.deleted",
      target_type: "commission_rule",
      target_id: input.id,
      vendor_id: before?.scope_type === "vendor" && typeof before.scope_id === "string" ? before.scope_id : null,
      before,
      after: null,
    })),
  })
  return new WorkflowResponse({ id: input.id })
})
