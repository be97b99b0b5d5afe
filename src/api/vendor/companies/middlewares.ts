import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "../../utils/validation"
import { VendorListCompanies } from "./validators"

// Every member: the catalogue roles need the ids for price lists; names and statuses only (no buyer's personal data).
export const vendorCompaniesRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/vendor/companies", method: ["GET"], middlewares: [validateQuery(VendorListCompanies)] },
]
