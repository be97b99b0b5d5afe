import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import VendorProductLink from "../../links/vendor-product"
import VendorStockLocationLink from "../../links/vendor-stock-location"
import VendorPriceListLink from "../../links/vendor-price-list"
import { VENDOR_MODULE } from "../../modules/vendor"
import type VendorModuleService from "../../modules/vendor/service"
import { LEDGER_MODULE } from "../../modules/ledger"
import type LedgerModuleService from "../../modules/ledger/service"
import { QUOTE_MODULE } from "../../modules/quote"
import type QuoteModuleService from "../../modules/quote/service"
import type { VendorRequest } from "./context"
import { discoverRoutes, matchRoutePath, type RoutePattern } from "../utils/route-tree"

/**
 * The vendor tenant boundary, in one place.
 *
 * 1. `vendorAuth` (context.ts) resolves the caller's member and vendor.
 * 2. `scopeVendorParams` (below) runs on every /vendor request: it matches the
 *    path against the route tree (the route.ts files under this folder, read
 *    once at start) and checks every path parameter against OWNERSHIP. A
 *    resource of another vendor answers 404, exactly like a missing one, before
 *    any handler runs. A route whose parameter has no ownership rule makes the
 *    app refuse to start: a new route cannot be added unscoped.
 * 3. Handlers read lists through `vendorFilters(req, entity)`, which gives the
 *    scope filter of a registered entity (and throws for any other), and check
 *    ids they receive in a body with `assertVendorOwns`.
 */

/** What scopeVendorParams proved for a request: its route and the path parameters that are the caller's. */
type VendorScope = { route: string; params: Record<string, string> }
type ScopedRequest = MedusaRequest & { vendor_scope?: VendorScope }

type Owns = (scope: MedusaContainer, vendorId: string, ids: string[], params: Record<string, string>) => Promise<Set<string>>

const ids = (rows: any[], key = "id") => new Set<string>(rows.map((r) => r[key]))
const graph = (scope: MedusaContainer) => scope.resolve(ContainerRegistrationKeys.QUERY)

/** How a vendor owns each kind of resource: returns the subset of `ids` that are the vendor's. */
export const OWNERSHIP: Record<string, Owns> = {
  vendor_order: async (scope, vendorId, list) => {
    const { data } = await graph(scope).graph({ entity: "vendor_order", fields: ["id"], filters: { id: list, vendor_id: vendorId } })
    return ids(data)
  },
  product: async (scope, vendorId, list) => {
    const { data } = await graph(scope).graph({
      entity: VendorProductLink.entryPoint,
      fields: ["product_id"],
      filters: { vendor_id: vendorId, product_id: list },
    })
    return ids(data, "product_id")
  },
  // A variant of one of the vendor's products (of the product in the path, when there is one).
  product_variant: async (scope, vendorId, list, params) => {
    const { data } = await graph(scope).graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: list } })
    const products = await OWNERSHIP.product(scope, vendorId, [...new Set(data.map((v: any) => v.product_id as string))], params)
    return ids(data.filter((v: any) => products.has(v.product_id) && (!params.product || v.product_id === params.product)))
  },
  // An option that only the vendor's products use (of the product in the path, when there is one):
  // options are shared entities in Medusa 2.16+, so one another vendor's product uses is not the vendor's to edit.
  product_option: async (scope, vendorId, list, params) => {
    const { data } = await graph(scope).graph({ entity: "product_option", fields: ["id", "products.id"], filters: { id: list } })
    const productIds = [...new Set(data.flatMap((o: any) => (o.products ?? []).map((p: any) => p.id as string)))]
    const mine = productIds.length ? await OWNERSHIP.product(scope, vendorId, productIds, params) : new Set<string>()
    return ids(
      data.filter((o: any) => {
        const used: string[] = (o.products ?? []).map((p: any) => p.id)
        return used.length > 0 && used.every((id) => mine.has(id)) && (!params.product || used.includes(params.product))
      })
    )
  },
  // A fulfillment made at one of the vendor's stock locations.
  fulfillment: async (scope, vendorId, list) => {
    const locations = await vendorStockLocations(scope, vendorId)
    const { data } = await graph(scope).graph({ entity: "fulfillment", fields: ["id", "location_id"], filters: { id: list } })
    return ids(data.filter((f: any) => locations.has(f.location_id)))
  },
  // An inventory item that only the vendor's variants use.
  inventory_item: async (scope, vendorId, list) => {
    const { data } = await graph(scope).graph({
      entity: "inventory_item",
      fields: ["id", "variants.id", "variants.product_id"],
      filters: { id: list },
    })
    const productIds = [...new Set(data.flatMap((i: any) => (i.variants ?? []).map((v: any) => v.product_id as string)))]
    const mine = productIds.length ? await OWNERSHIP.product(scope, vendorId, productIds, {}) : new Set<string>()
    return ids(data.filter((i: any) => (i.variants ?? []).length > 0 && i.variants.every((v: any) => mine.has(v.product_id))))
  },
  vendor_member: async (scope, vendorId, list) => {
    const service: VendorModuleService = scope.resolve(VENDOR_MODULE)
    return ids(await service.listVendorMembers({ id: list, vendor_id: vendorId }, { select: ["id"] }))
  },
  vendor_transaction: async (scope, vendorId, list) => {
    const ledger: LedgerModuleService = scope.resolve(LEDGER_MODULE)
    const { transactions } = await ledger.listTransactionsPage({ id: list, vendor_id: vendorId }, { skip: 0, take: list.length })
    return ids(transactions)
  },
  payout: async (scope, vendorId, list) => {
    const ledger: LedgerModuleService = scope.resolve(LEDGER_MODULE)
    return ids(await ledger.listPayouts({ id: list, vendor_id: vendorId }, { select: ["id"] }))
  },
  // A company price list the vendor made (vendor ↔ price list link).
  vendor_price_list: async (scope, vendorId, list) => {
    const { data } = await graph(scope).graph({
      entity: VendorPriceListLink.entryPoint,
      fields: ["price_list_id"],
      filters: { vendor_id: vendorId, price_list_id: list },
    })
    return ids(data, "price_list_id")
  },
  // A vendor's part of a buyer's quote.
  vendor_quote: async (scope, vendorId, list) => {
    const service: QuoteModuleService = scope.resolve(QUOTE_MODULE)
    return ids(await service.listVendorQuotes({ id: list, vendor_id: vendorId }, { select: ["id"] }))
  },
}
export type OwnedKind = keyof typeof OWNERSHIP

export async function vendorStockLocations(scope: MedusaContainer, vendorId: string) {
  const { data } = await graph(scope).graph({
    entity: VendorStockLocationLink.entryPoint,
    fields: ["stock_location_id"],
    filters: { vendor_id: vendorId },
  })
  return ids(data, "stock_location_id")
}

/**
 * What each path parameter of a /vendor route is. The key is the route's path
 * up to and including the parameter, so a rule covers every route below it
 * (`/vendor/orders/:id` covers `/vendor/orders/:id/accept`, …).
 */
export const PARAM_KINDS: Record<string, OwnedKind> = {
  "/vendor/orders/:id": "vendor_order",
  "/vendor/orders/:id/fulfillments/:fulfillment_id": "fulfillment",
  "/vendor/products/:id": "product",
  "/vendor/products/:id/variants/:variant_id": "product_variant",
  "/vendor/products/:id/options/:option_id": "product_option",
  "/vendor/members/:id": "vendor_member",
  "/vendor/transactions/:id": "vendor_transaction",
  "/vendor/payouts/:id": "payout",
  "/vendor/price-lists/:id": "vendor_price_list",
  "/vendor/quotes/:id": "vendor_quote",
}

/** Entities a vendor lists, and the filter that keeps each to the vendor's own rows. */
const LIST_SCOPES: Record<string, (vendorId: string) => Record<string, unknown>> = {
  vendor_order: (v) => ({ vendor_id: v }),
  vendor_member: (v) => ({ vendor_id: v }),
  vendor_invite: (v) => ({ vendor_id: v }),
  vendor_transaction: (v) => ({ vendor_id: v }),
  payout: (v) => ({ vendor_id: v }),
  vendor_product: (v) => ({ vendor_id: v }),
  payout_account: (v) => ({ vendor_id: v }),
  audit_entry: (v) => ({ vendor_id: v }),
  vendor_price_list: (v) => ({ vendor_id: v }),
  vendor_quote: (v) => ({ vendor_id: v }),
}

/**
 * The scope filter of a vendor list: spread it LAST into the filters, so
 * nothing from the client can widen it. Unknown entities throw: a list of
 * something no rule covers is a bug, not an empty page.
 */
export function vendorFilters(req: MedusaRequest, entity: keyof typeof LIST_SCOPES | string) {
  const vendorId = (req as VendorRequest).vendor_context?.vendor?.id
  const rule = LIST_SCOPES[entity]
  if (!vendorId || !rule) throw new Error(`No vendor scope for ${entity}`)
  return rule(vendorId)
}

/**
 * 404 unless every id is the caller vendor's `kind` (ids passed in a body:
 * inventory items, variants, …). Checked before anything is written.
 */
export async function assertVendorOwns(req: MedusaRequest, kind: OwnedKind, list: string[], label = kind) {
  const unique = [...new Set(list.filter((x) => typeof x === "string"))]
  if (!unique.length) return
  const vendorId = (req as VendorRequest).vendor_context.vendor.id
  const scoped: ScopedRequest = req
  const owned = await OWNERSHIP[kind](req.scope, vendorId, unique, scoped.vendor_scope?.params ?? {})
  const foreign = unique.find((x) => !owned.has(x))
  if (foreign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `${label} with id: ${foreign} was not found`)
}

// ---- the route tree

export type { RoutePattern }

/** Every /vendor route in the route tree: src/api/vendor/** /route.(ts|js), `[id]` as `:id`. */
export function discoverVendorRoutes(dir = __dirname): RoutePattern[] {
  return discoverRoutes(dir, "vendor")
}

/** Each parameter of a route with the rule that covers it; throws for a parameter without one. */
export function paramRules(route: RoutePattern): { index: number; name: string; kind: OwnedKind }[] {
  const rules: { index: number; name: string; kind: OwnedKind }[] = []
  route.segments.forEach((seg, i) => {
    if (!seg.startsWith(":")) return
    const key = "/" + route.segments.slice(0, i + 1).join("/")
    const kind = PARAM_KINDS[key]
    if (!kind) {
      throw new Error(
        `The vendor route ${route.path} has the path parameter ${seg} with no ownership rule; add "${key}" to PARAM_KINDS in src/api/vendor/scope.ts.`
      )
    }
    rules.push({ index: i, name: seg.slice(1), kind })
  })
  return rules
}

// Read when the middlewares load: a route whose parameter has no rule stops
// the app from starting, with the message above.
const compiled = discoverVendorRoutes().map((route) => ({ route, rules: paramRules(route) }))
const routeTable = () => compiled

/**
 * Middleware on /vendor/*: every path parameter must be the caller's own,
 * or the request is 404 before its handler runs.
 */
export async function scopeVendorParams(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const ctx = (req as VendorRequest).vendor_context
    const match = matchRoutePath(routeTable(), req.originalUrl.split("?")[0])
    if (!match || !ctx) return next()
    const params: Record<string, string> = {}
    for (const rule of match.entry.rules) {
      const value = match.segs[rule.index]
      // The product in the path bounds the variants below it.
      if (rule.kind === "product") params.product = value
      const owned = await OWNERSHIP[rule.kind](req.scope, ctx.vendor.id, [value], params)
      if (!owned.has(value)) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `${label(rule.kind)} with id: ${value} was not found`)
      }
      params[rule.name] = value
    }
    const scope: VendorScope = { route: match.entry.route.path, params }
    Object.assign(req, { vendor_scope: scope })
    next()
  } catch (e) {
    next(e)
  }
}

const LABELS: Record<string, string> = {
  vendor_order: "Vendor order",
  product: "Product",
  product_variant: "Variant",
  product_option: "Product option",
  fulfillment: "Fulfillment",
  inventory_item: "Inventory item",
  vendor_member: "Member",
  vendor_transaction: "Transaction",
  payout: "Payout",
  vendor_price_list: "Price list",
  vendor_quote: "Quote",
}
const label = (kind: string) => LABELS[kind] ?? kind

/**
 * A path parameter that scopeVendorParams proved to be the caller's. Handlers
 * read their ids through this, never from req.params, so a handler that
 * somehow ran without the check fails closed (404) instead of serving
 * another vendor's row.
 */
export function scopedParam(req: MedusaRequest, name: string): string {
  const scoped: ScopedRequest = req
  const value = scoped.vendor_scope?.params?.[name]
  if (!value || value !== req.params[name]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Not found: ${String(req.params[name] ?? name)}`)
  }
  return value
}
