import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { AdminListCompanies, AdminUpdateCompany } from "./validators"

// Medusa authenticates /admin/* as the operator.
export const adminCompanyRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/companies", method: ["GET"], middlewares: [validateQuery(AdminListCompanies)] },
  { matcher: "/admin/companies/:id", method: ["POST"], middlewares: [validateBody(AdminUpdateCompany)] },
]
