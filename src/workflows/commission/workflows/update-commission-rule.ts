import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { updateCommissionRuleStep } from "../steps/update-commission-rule"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { snapshotAuditTargetStep } from "../../audit/steps/snapshot-audit-target"
import type { AuditContext } from "../../../modules/audit/types"

// A vendor-scoped rule concerns that vendor: it shows in the vendor's own audit log.
const ruleVendor = (r: any) => (r?.scope_type === "vendor" ? (r.scope_id ?? null) : null)

export const updateCommissionRuleWorkflow = createWorkflow(
  "update-commission-rule",
  (input: { id: string; update: Record<string, unknown>; audit?: AuditContext }) => {
    const before = snapshotAuditTargetStep({ target_type: "commission_rule", id: input.id })
    const rule = updateCommissionRuleStep(input)
    emitEventStep({ eventName: "commission_rule.updated", data: { id: input.id } })
    recordAuditStep({
      audit: input.audit,
      entries: transform({ input, before, rule }, ({ input, before, rule }) => ({
        action: "commission_rule.updated",
        target_type: "commission_rule",
        target_id: input.id,
        vendor_id: ruleVendor(rule) ?? ruleVendor(before),
        before,
      })),
    })
    return new WorkflowResponse(rule)
  }
)
