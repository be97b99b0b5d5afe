import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { updateCommissionRuleWorkflow } from "../../../../workflows/commission/workflows/update-commission-rule"
import { deleteCommissionRuleWorkflow } from "../../../../workflows/commission/workflows/delete-commission-rule"
import { auditContext } from "../../../utils/audit"
import { assertScopeExists, presentRule, retrieveRule } from "../helpers"
import { ruleProblems, type AdminUpdateCommissionRuleType } from "../validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ commission_rule: presentRule(await retrieveRule(req.scope, req.params.id)) })
}

/**
 * POST /admin/commission-rules/:id: partial update, validated on the merged
 * rule. Past commission lines keep their snapshot and never change.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateCommissionRuleType>, res: MedusaResponse) {
  const current: any = presentRule(await retrieveRule(req.scope, req.params.id))
  const merged = { ...current, ...req.validatedBody }
  const problems = ruleProblems(merged)
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.map((p) => `${p.path}: ${p.message}`).join("; "))
  }
  const { scope, ...update } = req.validatedBody
  if (scope) await assertScopeExists(req.scope, scope.type, scope.id)
  const { result } = await updateCommissionRuleWorkflow(req.scope).run({
    input: {
      id: req.params.id,
      update: { ...update, ...(scope ? { scope_type: scope.type, scope_id: scope.id ?? null } : {}) },
      audit: auditContext(req),
    },
  })
  res.json({ commission_rule: presentRule(result) })
}

/** DELETE /admin/commission-rules/:id: soft delete; lines that used it keep their snapshot. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await retrieveRule(req.scope, req.params.id)
  await deleteCommissionRuleWorkflow(req.scope).run({ input: { id: req.params.id, audit: auditContext(req) } })
  res.json({ id: req.params.id, object: "commission_rule", deleted: true })
}
