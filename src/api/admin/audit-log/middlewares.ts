import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validation"
import { AdminListAuditLogParams } from "./validators"

export const adminAuditLogRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/audit-log", method: ["GET"], middlewares: [validateQuery(AdminListAuditLogParams)] },
]
