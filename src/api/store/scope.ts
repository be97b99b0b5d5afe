import { authenticate } from "@medusajs/framework/http"
import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { COMPANY_MODULE } from "../../modules/company"
import type CompanyModuleService from "../../modules/company/service"
import { QUOTE_MODULE } from "../../modules/quote"
import type QuoteModuleService from "../../modules/quote/service"
import { STOCK_ALERT_MODULE } from "../../modules/stock-alert"
import type StockAlertModuleService from "../../modules/stock-alert/service"
import { WISHLIST_MODULE } from "../../modules/wishlist"
import type WishlistModuleService from "../../modules/wishlist/service"
import { discoverRoutes, matchRoutePath, type RoutePattern } from "../utils/route-tree"

/**
 * The customer boundary of Lilium's own /store routes, in one place (the
 * store-side twin of src/api/vendor/scope.ts).
 *
 * 1. Every route.ts under src/api/store is read once at start. Each path
 *    parameter must have a rule in PARAM_KINDS, or the app refuses to start.
 * 2. `storeScopeMiddlewares` gives each of those routes, whatever its method,
 *    the customer's authentication (required, or optional where the rule
 *    allows anonymous callers) and `scopeCustomerParams`, which answers 404,
 *    exactly like a missing row, when a parameter is not the caller's.
 * 3. Handlers read the proven ids with `customerParam(req, name)` (never
 *    req.params) and the caller with `customerId(req)`; lists filter with
 *    `customerFilters(req)`. A handler that somehow ran unchecked fails
 *    closed (404).
 * Medusa's own store routes (carts, orders, customers/me, …) keep Medusa's
 * rules; the isolation matrix test covers both.
 */

/** Who may use a resource named in a path: returns whether the caller (customer id, or null when anonymous) may. */
type Owns = (scope: MedusaContainer, customerId: string | null, id: string, params: Record<string, string>) => Promise<boolean>

const graph = (scope: MedusaContainer) => scope.resolve(ContainerRegistrationKeys.QUERY)

const PROBE = { select: ["id"], take: 1 }

/**
 * The rule of every company resource: the caller is an employee, and the row
 * (read by `list` with {id, company_id}) belongs to the caller's company.
 */
function ofCallersCompany(list: (service: CompanyModuleService, filters: { id: string; company_id: string }) => Promise<unknown[]>): Owns {
  return async (scope, customerId, id) => {
    if (!customerId) return false
    const service: CompanyModuleService = scope.resolve(COMPANY_MODULE)
    const [caller] = await service.listCompanyEmployees({ customer_id: customerId }, { select: ["company_id"], take: 1 })
    return !!caller && (await list(service, { id, company_id: caller.company_id })).length === 1
  }
}

const RULES = {
  // An order placed by the caller.
  order: {
    auth: "required",
    owns: async (scope, customerId, id) => {
      const { data } = await graph(scope).graph({ entity: "order", fields: ["id"], filters: { id, customer_id: customerId as string } })
      return data.length === 1
    },
  },
  // Medusa's store carts are capabilities (the id is enough); on Lilium's own cart routes a cart that belongs to a
  // registered customer is that customer's alone. Anonymous and guest carts stay usable by id, as with Medusa's routes.
  cart: {
    auth: "optional",
    owns: async (scope, customerId, id) => {
      const { data } = await graph(scope).graph({ entity: "cart", fields: ["id", "customer_id", "customer.has_account"], filters: { id } })
      const cart = data[0]
      if (!cart) return false
      const registered = !!cart.customer_id && !!cart.customer?.has_account
      return !registered || cart.customer_id === customerId
    },
  },
  // Medusa's own rule kept on a route Lilium overrides (POST /store/carts/:id/complete): the cart id is the capability.
  cart_capability: { auth: "none", owns: async () => true },
  wishlist: {
    auth: "required",
    owns: async (scope, customerId, id) => {
      const service: WishlistModuleService = scope.resolve(WISHLIST_MODULE)
      return (await service.listWishlists({ id, customer_id: customerId as string }, { select: ["id"], take: 1 })).length === 1
    },
  },
  // An item of the list in the path (which the wishlist rule proved first).
  wishlist_item: {
    auth: "required",
    owns: async (scope, _customerId, id, params) => {
      const service: WishlistModuleService = scope.resolve(WISHLIST_MODULE)
      if (!params.wishlist) return false
      return (await service.listWishlistItems({ id, wishlist_id: params.wishlist }, { select: ["id"], take: 1 })).length === 1
    },
  },
  stock_alert: {
    auth: "required",
    owns: async (scope, customerId, id) => {
      const service: StockAlertModuleService = scope.resolve(STOCK_ALERT_MODULE)
      return (await service.listStockAlerts({ id, customer_id: customerId as string }, { select: ["id"], take: 1 })).length === 1
    },
  },
  // An employee of the caller's own company (the caller being an employee; which role may act is the company
  // resource's guard, src/api/store/companies/middlewares.ts).
  company_employee: { auth: "required", owns: ofCallersCompany((service, filters) => service.listCompanyEmployees(filters, PROBE)) },
  // An approval request, an invite or an address of the caller's own company.
  company_approval: { auth: "required", owns: ofCallersCompany((service, filters) => service.listCompanyApprovals(filters, PROBE)) },
  company_invite: { auth: "required", owns: ofCallersCompany((service, filters) => service.listCompanyInvites(filters, PROBE)) },
  company_address: { auth: "required", owns: ofCallersCompany((service, filters) => service.listCompanyAddresses(filters, PROBE)) },
  // An order placed for the caller's own company (its company_order row; which employee may read which order is the
  // route's check: admins any, the others their own).
  company_order: {
    auth: "required",
    owns: ofCallersCompany((service, { id, company_id }) => service.listCompanyOrders({ order_id: id, company_id }, PROBE)),
  },
  // A quote the caller asked for.
  quote: {
    auth: "required",
    owns: async (scope, customerId, id) => {
      const service: QuoteModuleService = scope.resolve(QUOTE_MODULE)
      return (await service.listQuotes({ id, customer_id: customerId as string }, PROBE)).length === 1
    },
  },
  // A vendor's part of the quote in the path (which the quote rule proved first).
  quote_part: {
    auth: "required",
    owns: async (scope, _customerId, id, params) => {
      const service: QuoteModuleService = scope.resolve(QUOTE_MODULE)
      if (!params.quote) return false
      return (await service.listVendorQuotes({ id, quote_id: params.quote }, PROBE)).length === 1
    },
  },
  // Public by design: a vendor's storefront profile.
  public: { auth: "none", owns: async () => true },
} satisfies Record<string, { auth: "required" | "optional" | "none"; owns: Owns }>
export type CustomerOwnedKind = keyof typeof RULES

/**
 * What each path parameter of a Lilium /store route is. A key covers the
 * routes below it; when several keys end at the same parameter, the longest
 * one that prefixes the route wins (so `/store/carts/:id/complete` keeps
 * Medusa's rule while Lilium's other cart routes check the owner).
 */
export const STORE_PARAM_KINDS: Record<string, CustomerOwnedKind> = {
  "/store/orders/:id": "order",
  "/store/carts/:id": "cart",
  "/store/carts/:id/complete": "cart_capability",
  "/store/customers/me/wishlists/:id": "wishlist",
  "/store/customers/me/wishlists/:id/items/:item_id": "wishlist_item",
  "/store/stock-alerts/:id": "stock_alert",
  "/store/vendors/:handle": "public",
  "/store/companies/me/employees/:id": "company_employee",
  "/store/companies/me/approvals/:id": "company_approval",
  "/store/companies/me/invites/:id": "company_invite",
  "/store/companies/me/addresses/:id": "company_address",
  "/store/companies/me/orders/:id": "company_order",
  "/store/quotes/:id": "quote",
  "/store/quotes/:id/vendor-quotes/:vendor_quote_id": "quote_part",
}

const LABELS: Record<CustomerOwnedKind, string> = {
  order: "Order",
  cart: "Cart",
  cart_capability: "Cart",
  wishlist: "Wishlist",
  wishlist_item: "Wishlist item",
  stock_alert: "Stock alert",
  company_employee: "Employee",
  company_approval: "Approval",
  company_invite: "Invite",
  company_address: "Address",
  company_order: "Order",
  quote: "Quote",
  quote_part: "Vendor quote",
  public: "Resource",
}

/** Each parameter of a store route with its rule; throws for a parameter without one. */
export function storeParamRules(route: RoutePattern): { index: number; name: string; kind: CustomerOwnedKind }[] {
  const rules: { index: number; name: string; kind: CustomerOwnedKind }[] = []
  route.segments.forEach((seg, i) => {
    if (!seg.startsWith(":")) return
    const key = Object.keys(STORE_PARAM_KINDS)
      .map((k) => ({ k, segs: k.split("/").slice(1) }))
      .filter(
        ({ segs }) =>
          segs.length > i &&
          segs.length <= route.segments.length &&
          segs.every((s, j) => s === route.segments[j]) &&
          !segs.slice(i + 1).some((s) => s.startsWith(":"))
      )
      .sort((a, b) => b.segs.length - a.segs.length)[0]?.k
    if (!key) {
      const prefix = "/" + route.segments.slice(0, i + 1).join("/")
      throw new Error(
        `The store route ${route.path} has the path parameter ${seg} with no ownership rule; add "${prefix}" to STORE_PARAM_KINDS in src/api/store/scope.ts.`
      )
    }
    rules.push({ index: i, name: seg.slice(1), kind: STORE_PARAM_KINDS[key] })
  })
  return rules
}

/** Every Lilium /store route: src/api/store/** /route.(ts|js). */
export function discoverStoreRoutes(dir = __dirname): RoutePattern[] {
  return discoverRoutes(dir, "store")
}

// Read when the middlewares load: a parameter without a rule stops the app from starting.
const compiled = discoverStoreRoutes().map((route) => ({ route, rules: storeParamRules(route) }))

type CustomerScope = { route: string; params: Record<string, string> }
type ScopedRequest = MedusaRequest & { customer_scope?: CustomerScope }
const actorOf = (req: MedusaRequest) => (req as AuthenticatedMedusaRequest).auth_context?.actor_id || null

/** Every path parameter must be the caller's (or usable by it), or the request is 404 before its handler runs. */
export async function scopeCustomerParams(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const match = matchRoutePath(compiled, req.originalUrl.split("?")[0])
    if (!match) return next()
    const params: Record<string, string> = {}
    for (const rule of match.entry.rules) {
      const value = match.segs[rule.index]
      if (!(await RULES[rule.kind].owns(req.scope, actorOf(req), value, params))) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `${LABELS[rule.kind]} with id: ${value} was not found`)
      }
      params[rule.name] = value
      params[rule.kind] = value
    }
    const scope: CustomerScope = { route: match.entry.route.path, params }
    Object.assign(req, { customer_scope: scope })
    next()
  } catch (e) {
    next(e)
  }
}

const requiredCustomer = authenticate("customer", ["session", "bearer"])
const optionalCustomer = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

/**
 * One middleware entry per Lilium store route: the caller's authentication
 * as its strictest parameter needs it, then the scope check. Routes without
 * parameters get the authentication their folder declares (their own
 * middlewares.ts), and `customerFilters` for their lists.
 */
export const storeScopeMiddlewares: MiddlewareRoute[] = compiled
  .filter(({ rules }) => rules.length)
  .map(({ route, rules }) => {
    const auth = rules.some((r) => RULES[r.kind].auth === "required")
      ? requiredCustomer
      : rules.some((r) => RULES[r.kind].auth === "optional")
        ? optionalCustomer
        : null
    return { matcher: route.path, middlewares: [...(auth ? [auth] : []), scopeCustomerParams] }
  })

/** A path parameter that scopeCustomerParams proved to be the caller's. */
export function customerParam(req: MedusaRequest, name: string): string {
  const scoped: ScopedRequest = req
  const value = scoped.customer_scope?.params?.[name]
  if (!value || value !== req.params[name]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Not found: ${String(req.params[name] ?? name)}`)
  }
  return value
}

/** The signed-in customer (authentication ran before the handler; no customer here is a bug, not a guest). */
export function customerId(req: MedusaRequest): string {
  const id = actorOf(req)
  if (!id) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  return id
}

/** The filter that keeps a list to the caller's own rows: spread it LAST into the filters, so nothing can widen it. */
export function customerFilters(req: MedusaRequest): { customer_id: string } {
  return { customer_id: customerId(req) }
}

/**
 * 404 unless the id named in a body is usable by the caller as `kind`
 * (a cart id in POST …/wishlists/:id/add-to-cart). Checked before anything is written.
 */
export async function assertCustomerMay(req: MedusaRequest, kind: CustomerOwnedKind, id: string) {
  if (!(await RULES[kind].owns(req.scope, actorOf(req), id, {}))) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${LABELS[kind]} with id: ${id} was not found`)
  }
}
