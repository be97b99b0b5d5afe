import { z } from "@medusajs/framework/zod"
import { auditText, VendorListAuditLogParams } from "../../vendor/audit-log/validators"

export const AdminListAuditLogParams = VendorListAuditLogParams.extend({ vendor_id: auditText.optional() }).strict()
export type AdminListAuditLogParamsType = z.infer<typeof AdminListAuditLogParams>
