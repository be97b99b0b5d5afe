import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../context"
import { sendAuditLog } from "../../admin/audit-log/helpers"
import { vendorFilters } from "../scope"
import type { VendorListAuditLogParamsType } from "./validators"

/**
 * GET /vendor/audit-log: the caller vendor's own entries only (scoped by
 * vendorFilters, and the query schema has no vendor_id to override
 * it); owner and admin roles. Same filters and CSV as the admin route.
 */
export async function GET(req: VendorRequest<unknown, VendorListAuditLogParamsType>, res: MedusaResponse) {
  await sendAuditLog(req.scope, req.validatedQuery, res, vendorFilters(req, "audit_entry"))
}
