import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validation"
import { requireVendorRole } from "../context"
import { MANAGERS } from "../roles"
import { VendorListAuditLogParams } from "./validators"

// Audit trail (issue 13): the vendor sees its own entries only (the route forces vendor_id).
export const vendorAuditLogRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/vendor/audit-log", method: ["GET"], middlewares: [requireVendorRole(...MANAGERS), validateQuery(VendorListAuditLogParams)] },
]
