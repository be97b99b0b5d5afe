import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { listCompaniesQueryConfig } from "./query-config"
import { AdminListCompanies, AdminListCompanyOrders, AdminUpdateCompany } from "./validators"

// Medusa authenticates /admin/* as the operator.
export const adminCompanyRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/companies", method: ["GET"], middlewares: [validateQuery(AdminListCompanies, listCompaniesQueryConfig)] },
  { matcher: "/admin/companies/:id", method: ["POST"], middlewares: [validateBody(AdminUpdateCompany)] },
  { matcher: "/admin/companies/:id/orders", method: ["GET"], middlewares: [validateQuery(AdminListCompanyOrders)] },
]
