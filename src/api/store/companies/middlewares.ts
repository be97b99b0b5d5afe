import {
  authenticate,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { COMPANY_MODULE } from "../../../modules/company"
import type CompanyModuleService from "../../../modules/company/service"
import { COMPANY_ROLES, type CompanyRole } from "../../../modules/company/models/company-employee"
import { matchRoutePath } from "../../utils/route-tree"
import { validateBody, validateQuery } from "../../utils/validation"
import { customerId, discoverStoreRoutes } from "../scope"
import type { CompanyContext } from "./helpers"
import { companyView } from "./helpers"
import {
  StoreAcceptCompanyInvite,
  StoreCreateCompany,
  StoreCreateCompanyAddress,
  StoreCreateCompanyInvite,
  StoreListCompanyInvites,
  StoreUpdateCompany,
  StoreUpdateCompanyAddress,
  StoreDecideApproval,
  StoreListCompanyApprovals,
  StoreListCompanyEmployees,
  StoreRequestCartApproval,
  StoreSetApprovalSettings,
  StoreUpdateCompanyEmployee,
} from "./validators"
import { StoreCompanySpendParams } from "./me/spend/validators"

/**
 * Who may call each route of the caller's company (/store/companies/me…),
 * by employee role. A route file under /store/companies/me without an entry
 * stops the app from starting; a customer in no company gets 404 on all of
 * them, an employee without the role 403. Which employee a path names is the
 * store scope's rule (company_employee, src/api/store/scope.ts), checked
 * before this. An entry is the roles for every method of the route, or the
 * roles per method (every method the route file exports must be listed).
 */
export type MethodRoles = Partial<Record<"GET" | "POST" | "DELETE", readonly CompanyRole[]>>
export const COMPANY_ROUTE_ROLES: Record<string, readonly CompanyRole[] | MethodRoles> = {
  // Every employee reads the company; admins change its profile.
  "/store/companies/me": { GET: COMPANY_ROLES, POST: ["admin"] },
  "/store/companies/me/invites": ["admin"],
  "/store/companies/me/invites/:id": ["admin"],
  // Every employee reads the addresses (to ship to them); admins keep them.
  "/store/companies/me/addresses": { GET: COMPANY_ROLES, POST: ["admin"] },
  "/store/companies/me/addresses/:id": ["admin"],
  "/store/companies/me/employees": ["admin"],
  "/store/companies/me/employees/:id": ["admin"],
  "/store/companies/me/approval-settings": ["admin"],
  "/store/companies/me/spend": ["admin"],
  // Every employee downloads invoices: admins of any order of the company, the others of their own (the route checks).
  "/store/companies/me/orders/:id/invoice": COMPANY_ROLES,
  "/store/companies/me/approvals": ["admin", "approver"],
  "/store/companies/me/approvals/:id/approve": ["admin", "approver"],
  "/store/companies/me/approvals/:id/reject": ["admin", "approver"],
}

const COMPANY_ROOT = "/store/companies/me"

/** The roles that may call a method of a company route (none for a method the table does not list). */
export function rolesFor(entry: readonly CompanyRole[] | MethodRoles, method: string): readonly CompanyRole[] {
  if (Array.isArray(entry)) return entry
  return (entry as MethodRoles)[method.toUpperCase() as keyof MethodRoles] ?? []
}

/** The company routes found on disk, each with its roles; throws for a route without an entry. */
export function companyRouteRoles(routes = discoverStoreRoutes()) {
  return routes
    .filter((r) => r.path === COMPANY_ROOT || r.path.startsWith(`${COMPANY_ROOT}/`))
    .map((route) => {
      const roles = COMPANY_ROUTE_ROLES[route.path]
      if (!roles) {
        throw new Error(
          `The company route ${route.path} has no roles; add it to COMPANY_ROUTE_ROLES in src/api/store/companies/middlewares.ts.`
        )
      }
      return { route, roles }
    })
}

// Read when the middlewares load: a company route without roles stops the app from starting.
const compiled = companyRouteRoles()

/**
 * The one access check of the company routes: loads the caller's employee
 * row and company (404 when the caller is in no company), refuses a role the
 * route does not allow (403), and leaves both on the request for the
 * handler (companyContext in helpers.ts).
 */
export async function companyAccess(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const match = matchRoutePath(compiled, req.originalUrl.split("?")[0])
    if (!match) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Not found")
    const service: CompanyModuleService = req.scope.resolve(COMPANY_MODULE)
    const [employee] = await service.listCompanyEmployees({ customer_id: customerId(req) }, { relations: ["company"], take: 1 })
    if (!employee?.company) throw new MedusaError(MedusaError.Types.NOT_FOUND, "You are not an employee of a company.")
    const roles = rolesFor(match.entry.roles, req.method)
    if (!roles.includes(employee.role)) {
      throw new MedusaError(
        MedusaError.Types.FORBIDDEN,
        roles.length ? `The ${employee.role} role cannot do this; it needs one of: ${roles.join(", ")}.` : `No company role can do this.`
      )
    }
    const context: CompanyContext = {
      company: companyView(employee.company as unknown as Record<string, unknown>) as CompanyContext["company"],
      employee: {
        id: employee.id,
        role: employee.role,
        customer_id: employee.customer_id,
        spending_limit: employee.spending_limit === null ? null : Number(employee.spending_limit),
        spending_period: employee.spending_period,
      },
    }
    Object.assign(req, { company_context: context })
    next()
  } catch (e) {
    next(e)
  }
}

// Outside /store/customers/me, so the customer is authenticated here (session or bearer). Routes with a path
// parameter are authenticated by the store scope's entry for the same matcher, which runs first.
const customer = authenticate("customer", ["session", "bearer"])

export const storeCompanyRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/companies", method: ["POST"], middlewares: [customer, validateBody(StoreCreateCompany)] },
  { matcher: "/store/companies/invites/accept", method: ["POST"], middlewares: [customer, validateBody(StoreAcceptCompanyInvite)] },
  { matcher: "/store/companies/me", method: ["GET"], middlewares: [customer, companyAccess] },
  { matcher: "/store/companies/me", method: ["POST"], middlewares: [customer, companyAccess, validateBody(StoreUpdateCompany)] },
  {
    matcher: "/store/companies/me/invites",
    method: ["GET"],
    middlewares: [validateQuery(StoreListCompanyInvites), customer, companyAccess],
  },
  { matcher: "/store/companies/me/invites/:id", method: ["DELETE"], middlewares: [companyAccess] },
  { matcher: "/store/companies/me/addresses", method: ["GET"], middlewares: [customer, companyAccess] },
  {
    matcher: "/store/companies/me/addresses",
    method: ["POST"],
    middlewares: [customer, companyAccess, validateBody(StoreCreateCompanyAddress)],
  },
  {
    matcher: "/store/companies/me/addresses/:id",
    method: ["POST"],
    middlewares: [companyAccess, validateBody(StoreUpdateCompanyAddress)],
  },
  { matcher: "/store/companies/me/addresses/:id", method: ["DELETE"], middlewares: [companyAccess] },
  {
    matcher: "/store/companies/me/invites",
    method: ["POST"],
    middlewares: [customer, companyAccess, validateBody(StoreCreateCompanyInvite)],
  },
  // The page-size cap answers before sign-in (the schema is public; isolation.spec checks every list's cap).
  {
    matcher: "/store/companies/me/employees",
    method: ["GET"],
    middlewares: [validateQuery(StoreListCompanyEmployees), customer, companyAccess],
  },
  {
    matcher: "/store/companies/me/employees/:id",
    method: ["POST"],
    middlewares: [companyAccess, validateBody(StoreUpdateCompanyEmployee)],
  },
  { matcher: "/store/companies/me/employees/:id", method: ["DELETE"], middlewares: [companyAccess] },
  {
    matcher: "/store/companies/me/spend",
    method: ["GET"],
    middlewares: [customer, companyAccess, validateQuery(StoreCompanySpendParams)],
  },
  { matcher: "/store/companies/me/orders/:id/invoice", method: ["GET"], middlewares: [companyAccess] },
  {
    matcher: "/store/companies/me/approval-settings",
    method: ["POST"],
    middlewares: [customer, companyAccess, validateBody(StoreSetApprovalSettings)],
  },
  {
    matcher: "/store/companies/me/approvals",
    method: ["GET"],
    middlewares: [validateQuery(StoreListCompanyApprovals), customer, companyAccess],
  },
  {
    matcher: "/store/companies/me/approvals/:id/approve",
    method: ["POST"],
    middlewares: [companyAccess, validateBody(StoreDecideApproval)],
  },
  {
    matcher: "/store/companies/me/approvals/:id/reject",
    method: ["POST"],
    middlewares: [companyAccess, validateBody(StoreDecideApproval)],
  },
  // The cart's customer only (the store scope's cart rule lets guests through; asking for approval needs a sign-in).
  { matcher: "/store/carts/:id/approvals", method: ["POST"], middlewares: [customer, validateBody(StoreRequestCartApproval)] },
  { matcher: "/store/carts/:id/approvals", method: ["GET"], middlewares: [customer] },
]
