import { z } from "@medusajs/framework/zod"
import { createOperatorMap } from "@medusajs/medusa/api/utils/validators"
import { AUDIT_ACTOR_TYPES } from "../../../modules/audit/models/audit-entry"
import { pageParams } from "../../utils/validation"

const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date")
export const auditText = z.string().min(1).max(200)

export const VendorListAuditLogParams = pageParams({ limit: 50 })
  .extend({
    actor_type: z.enum([...AUDIT_ACTOR_TYPES]).optional(),
    actor_id: auditText.optional(),
    action: z.union([auditText, z.array(auditText).max(50)]).optional(),
    target_type: auditText.optional(),
    target_id: auditText.optional(),
    created_at: createOperatorMap(isoDate).optional(),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .strict()
export type VendorListAuditLogParamsType = z.infer<typeof VendorListAuditLogParams>
