import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendAuditLog } from "./helpers"
import type { AdminListAuditLogParamsType } from "./validators"

/**
 * GET /admin/audit-log: the whole audit trail, newest first. Filters:
 * actor_type, actor_id, vendor_id, action (one or many), target_type,
 * target_id, created_at ($gte/$lte…); offset/limit (≤ 100); format=csv.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListAuditLogParamsType>, res: MedusaResponse) {
  await sendAuditLog(req.scope, req.validatedQuery, res)
}
