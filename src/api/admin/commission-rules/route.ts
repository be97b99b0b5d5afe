import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COMMISSION_MODULE } from "../../../modules/commission"
import type CommissionModuleService from "../../../modules/commission/service"
import { createCommissionRuleWorkflow } from "../../../workflows/commission/workflows/create-commission-rule"
import { auditContext } from "../../utils/audit"
import { assertScopeExists, presentRule } from "./helpers"
import type { AdminCreateCommissionRuleType, AdminListCommissionRulesType } from "./validators"

/** GET /admin/commission-rules: filters q (name), is_active, scope_type; paginated. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListCommissionRulesType>, res: MedusaResponse) {
  const { q, is_active, scope_type, offset, limit } = req.validatedQuery
  const service: CommissionModuleService = req.scope.resolve(COMMISSION_MODULE)
  const filters: Record<string, unknown> = {}
  if (q) filters.q = q
  if (is_active !== undefined) filters.is_active = is_active
  if (scope_type) filters.scope_type = scope_type
  const [rules, count] = await service.listAndCountCommissionRules(filters, {
    skip: offset,
    take: limit,
    order: { created_at: "DESC" },
  })
  res.json({ commission_rules: rules.map(presentRule), count, offset, limit })
}

/** POST /admin/commission-rules: creates a rule. */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateCommissionRuleType>, res: MedusaResponse) {
  const { scope, ...body } = req.validatedBody
  await assertScopeExists(req.scope, scope.type, scope.id)
  const { result } = await createCommissionRuleWorkflow(req.scope).run({
    input: { ...body, scope_type: scope.type, scope_id: scope.id ?? null, audit: auditContext(req) },
  })
  res.status(200).json({ commission_rule: presentRule(result) })
}
