import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createCommissionRuleStep } from "../steps/create-commission-rule"
import { recordAuditStep } from "../../audit/steps/record-audit"
import type { AuditContext } from "../../../modules/audit/types"

export const createCommissionRuleWorkflow = createWorkflow(
  "create-commission-rule",
  (input: Record<string, unknown> & { audit?: AuditContext }) => {
    const rule = createCommissionRuleStep(
      transform({ input }, ({ input }) => {
        const { audit, ...data } = input
        return data
      })
    )
    emitEventStep({ eventName: "commission_rule.created", data: { id: rule.id } })
    recordAuditStep({
      audit: input.audit,
      entries: transform({ rule }, ({ rule }) => ({
        action: "commission_rule.created",
        target_type: "commission_rule",
        target_id: rule.id,
        vendor_id: rule.scope_type === "vendor" ? (rule.scope_id ?? null) : null,
        before: null,
      })),
    })
    return new WorkflowResponse(rule)
  }
)
