import { authenticate, defineMiddlewares, unlessPath, errorHandler } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { refuseUnstorablePath, validateBody, validateQuery } from "./utils/validation"
import { applySecurityHeaders, securityHeaders } from "./utils/security-headers"
import { csrfGuard } from "./utils/csrf"
import { apiRateLimit } from "./utils/rate-limit"
import { isStateConflict } from "../utils/state-conflict"
import { requireActiveVendorForWrites, requireVendorRole, vendorAuth } from "./vendor/context"
import { scopeVendorParams } from "./vendor/scope"
import {
  VendorAcceptInvite,
  VendorApply,
  VendorCreateInvite,
  VendorUpdateMember,
  VendorCreateProduct,
  VendorCreateShippingOption,
  VendorListParams,
  VendorSetStock,
  VendorUpdateMe,
  VendorUpdateProduct,
} from "./vendor/validators"
import { AdminCreateVendor, AdminListVendors, AdminUpdateVendor, AdminVendorStatusChange } from "./admin/vendors/validators"
import {
  VendorAcceptOrder,
  VendorCancelOrder,
  VendorCreateFulfillment,
  VendorCreateShipment,
  VendorListOrders,
  VendorMarkDelivered,
  VendorReceiveReturn,
  VendorRejectOrder,
} from "./vendor/orders/validators"
import { listVendorOrdersQueryConfig } from "./vendor/orders/query-config"
import {
  AdminCreateCommissionRule,
  AdminListCommissionRules,
  AdminPreviewCommission,
  AdminUpdateCommissionRule,
} from "./admin/commission-rules/validators"
import { ListTransactionsParams } from "./utils/ledger-reads"
import {
  AnalyticsOverviewParams,
  AnalyticsPerformanceParams,
  AnalyticsSalesParams,
  AnalyticsTopParams,
  VendorAnalyticsTopParams,
} from "./utils/analytics"
import {
  AdminListPayoutsParams,
  ListPayoutsParams,
  MarkPayoutFailedBody,
  MarkPayoutPaidBody,
  OnboardingLinkBody,
  RunPayoutsBody,
  SetPayoutAccount,
} from "./utils/payouts"
import { restrictStoreVendorFields } from "./store/utils/vendor-fields"
import { rejectInactiveVendorCart, rejectInactiveVendorItems } from "./store/utils/active-vendor-items"
import { AdminListAuditLogParams, requestId, VendorListAuditLogParams } from "./utils/audit"
import { currencyDecimals, moneyAmount } from "../utils/money-input"
import { checkCartQuantities, checkPriceAmounts } from "./utils/amounts"
import { httpBodyLimit } from "../options"

/**
 * The one place where Lilium wires its middlewares. HTTP hardening comes
 * first: security headers on every response, rate limits on every API route, and a
 * JSON body size limit (HTTP_BODY_LIMIT, default 1mb; Medusa's routes that
 * need more, such as uploads, keep their own settings).
 */
const medusaErrorHandler = errorHandler()
const listQuery = (schema: z.ZodTypeAny) => validateQuery(schema, {})

// Who may do what on /vendor/*: reads are open to every member; writes need
// one of these roles. (Orders and payouts get their own sets.)
const MANAGERS = ["owner", "admin"] as const
const CATALOG = ["owner", "admin", "catalog"] as const
// Orders carry buyers' personal data: the catalog role does not see them.
const ORDER_READERS = ["owner", "admin", "orders", "finance"] as const
const ORDER_HANDLERS = ["owner", "admin", "orders"] as const
// Money: the ledger and payouts.
const FINANCE = ["owner", "admin", "finance"] as const
const orderAction = (matcher: string, schema: z.ZodTypeAny) => ({
  matcher,
  method: ["POST"] as "POST"[],
  middlewares: [requireVendorRole(...ORDER_HANDLERS), validateBody(schema as any)],
})

export default defineMiddlewares({
  // Medusa's error handler, with the security headers on error responses
  // and illegal state changes answered 409 with their own message.
  errorHandler: (err: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    applySecurityHeaders(req, res)
    if (isStateConflict(err)) {
      res.status(409).json({ type: "conflict", code: "invalid_state", message: err.message })
      return
    }
    // Express fails to decode a path parameter such as %ED%A0%80 before any
    // middleware runs; Medusa's handler would answer that client error with a 500.
    if (err instanceof URIError) {
      res.status(400).json({ type: "invalid_data", message: "The URL path is not valid percent-encoded UTF-8." })
      return
    }
    return medusaErrorHandler(err, req, res, next)
  },
  routes: [
    {
      matcher: "/*",
      middlewares: [securityHeaders, requestId, refuseUnstorablePath],
      bodyParser: { sizeLimit: httpBodyLimit() },
    },
    // CSRF: writes authenticated by the admin/customer session cookie must be JSON from an allowed origin (decision 37).
    { matcher: "/*", middlewares: [csrfGuard] },
    // Rate limits on every API route: reads, writes, sign-in and webhooks (src/api/utils/rate-limit.ts).
    { matcher: "/*", middlewares: [apiRateLimit] },

    // ---- /vendor/*: member auth, vendor context, read-only unless active
    // The tenant boundary (src/api/vendor/scope.ts): every path parameter must
    // be the caller's own before any handler runs.
    { matcher: "/vendor*", middlewares: [vendorAuth, requireActiveVendorForWrites, scopeVendorParams] },
    { matcher: "/vendor/vendors", method: ["POST"], middlewares: [validateBody(VendorApply)] },
    {
      matcher: "/vendor/me",
      method: ["POST"],
      middlewares: [requireVendorRole(...MANAGERS), validateBody(VendorUpdateMe)],
    },
    { matcher: "/vendor/members", method: ["GET"], middlewares: [listQuery(VendorListParams)] },
    {
      matcher: "/vendor/members/:id",
      method: ["POST"],
      middlewares: [requireVendorRole(...MANAGERS), validateBody(VendorUpdateMember)],
    },
    { matcher: "/vendor/members/:id", method: ["DELETE"], middlewares: [requireVendorRole(...MANAGERS)] },
    {
      matcher: "/vendor/invites",
      method: ["GET"],
      middlewares: [requireVendorRole(...MANAGERS), listQuery(VendorListParams)],
    },
    {
      matcher: "/vendor/invites",
      method: ["POST"],
      middlewares: [requireVendorRole(...MANAGERS), validateBody(VendorCreateInvite)],
    },
    { matcher: "/vendor/invites/accept", method: ["POST"], middlewares: [validateBody(VendorAcceptInvite)] },
    { matcher: "/vendor/products", method: ["GET"], middlewares: [listQuery(VendorListParams)] },
    {
      matcher: "/vendor/products",
      method: ["POST"],
      middlewares: [requireVendorRole(...CATALOG), validateBody(VendorCreateProduct as any)],
    },
    {
      matcher: "/vendor/products/:id",
      method: ["POST"],
      middlewares: [requireVendorRole(...CATALOG), validateBody(VendorUpdateProduct as any)],
    },
    { matcher: "/vendor/products/:id", method: ["DELETE"], middlewares: [requireVendorRole(...CATALOG)] },
    {
      matcher: "/vendor/products/:id/variants/:variant_id/inventory",
      method: ["POST"],
      middlewares: [requireVendorRole(...CATALOG), validateBody(VendorSetStock)],
    },
    { matcher: "/vendor/shipping-options", method: ["GET"], middlewares: [listQuery(VendorListParams)] },
    {
      matcher: "/vendor/shipping-options",
      method: ["POST"],
      middlewares: [requireVendorRole(...CATALOG), validateBody(VendorCreateShippingOption)],
    },

    // ---- /admin/vendors
    { matcher: "/admin/vendors", method: ["GET"], middlewares: [listQuery(AdminListVendors)] },
    { matcher: "/admin/vendors", method: ["POST"], middlewares: [validateBody(AdminCreateVendor)] },
    { matcher: "/admin/vendors/:id", method: ["POST"], middlewares: [validateBody(AdminUpdateVendor)] },
    {
      matcher: "/admin/vendors/:id/(approve|reject|suspend|reinstate)",
      method: ["POST"],
      middlewares: [validateBody(AdminVendorStatusChange)],
    },
    {
      matcher: "/vendor/orders",
      method: ["GET"],
      middlewares: [requireVendorRole(...ORDER_READERS), validateQuery(VendorListOrders as any, listVendorOrdersQueryConfig)],
    },
    { matcher: "/vendor/orders/:id", method: ["GET"], middlewares: [requireVendorRole(...ORDER_READERS)] },
    orderAction("/vendor/orders/:id/accept", VendorAcceptOrder),
    orderAction("/vendor/orders/:id/reject", VendorRejectOrder),
    orderAction("/vendor/orders/:id/cancel", VendorCancelOrder),
    orderAction("/vendor/orders/:id/fulfillments", VendorCreateFulfillment),
    orderAction("/vendor/orders/:id/fulfillments/:fulfillment_id/shipments", VendorCreateShipment),
    orderAction("/vendor/orders/:id/fulfillments/:fulfillment_id/mark-as-delivered", VendorMarkDelivered),
    orderAction("/vendor/orders/:id/returns", VendorReceiveReturn),

    { matcher: "/vendor/balance", method: ["GET"], middlewares: [requireVendorRole(...FINANCE)] },
    { matcher: "/vendor/transactions", method: ["GET"], middlewares: [requireVendorRole(...FINANCE), listQuery(ListTransactionsParams)] },
    { matcher: "/vendor/transactions/:id", method: ["GET"], middlewares: [requireVendorRole(...FINANCE)] },

    { matcher: "/vendor/payout-account", method: ["GET"], middlewares: [requireVendorRole(...FINANCE)] },
    // Changing where the money goes (or editing it in Stripe's onboarding) is for owners and admins; finance may read it.
    { matcher: "/vendor/payout-account", method: ["POST"], middlewares: [requireVendorRole(...MANAGERS), validateBody(SetPayoutAccount)] },
    {
      matcher: "/vendor/payout-account/onboarding-link",
      method: ["POST"],
      middlewares: [requireVendorRole(...MANAGERS), validateBody(OnboardingLinkBody)],
    },
    { matcher: "/vendor/payouts", method: ["GET"], middlewares: [requireVendorRole(...FINANCE), listQuery(ListPayoutsParams)] },
    { matcher: "/vendor/payouts/:id", method: ["GET"], middlewares: [requireVendorRole(...FINANCE)] },
    // Audit trail (issue 13): the vendor sees its own entries only (the route forces vendor_id).
    { matcher: "/vendor/audit-log", method: ["GET"], middlewares: [requireVendorRole(...MANAGERS), listQuery(VendorListAuditLogParams)] },
    { matcher: "/admin/audit-log", method: ["GET"], middlewares: [listQuery(AdminListAuditLogParams)] },

    // ---- analytics (vendors: money, so owner, admin and finance)
    { matcher: "/admin/analytics/overview", method: ["GET"], middlewares: [listQuery(AnalyticsOverviewParams)] },
    { matcher: "/admin/analytics/sales", method: ["GET"], middlewares: [listQuery(AnalyticsSalesParams)] },
    { matcher: "/admin/analytics/top", method: ["GET"], middlewares: [listQuery(AnalyticsTopParams)] },
    { matcher: "/admin/analytics/vendors/performance", method: ["GET"], middlewares: [listQuery(AnalyticsPerformanceParams)] },
    {
      matcher: "/vendor/analytics/overview",
      method: ["GET"],
      middlewares: [requireVendorRole(...FINANCE), listQuery(AnalyticsOverviewParams)],
    },
    { matcher: "/vendor/analytics/sales", method: ["GET"], middlewares: [requireVendorRole(...FINANCE), listQuery(AnalyticsSalesParams)] },
    {
      matcher: "/vendor/analytics/top",
      method: ["GET"],
      middlewares: [requireVendorRole(...FINANCE), listQuery(VendorAnalyticsTopParams)],
    },

    // ---- /admin/payouts and payout runs
    { matcher: "/admin/payouts", method: ["GET"], middlewares: [listQuery(AdminListPayoutsParams)] },
    { matcher: "/admin/payouts/:id/mark-paid", method: ["POST"], middlewares: [validateBody(MarkPayoutPaidBody)] },
    { matcher: "/admin/payouts/:id/mark-failed", method: ["POST"], middlewares: [validateBody(MarkPayoutFailedBody)] },
    { matcher: "/admin/payouts/:id/retry", method: ["POST"], middlewares: [validateBody(z.object({}).strict())] },
    {
      matcher: "/admin/payout-runs",
      method: ["GET"],
      middlewares: [
        listQuery(
          z
            .object({ offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(100).default(20) })
            .strict()
        ),
      ],
    },
    { matcher: "/admin/payout-runs", method: ["POST"], middlewares: [validateBody(RunPayoutsBody)] },
    // Stripe signs the exact bytes it sent.
    { matcher: "/hooks/payouts/stripe", method: ["POST"], bodyParser: { preserveRawBody: true } },

    // ---- /admin/vendors/:id ledger
    { matcher: "/admin/vendors/:id/transactions", method: ["GET"], middlewares: [listQuery(ListTransactionsParams)] },
    {
      matcher: "/admin/vendors/:id/products",
      method: ["GET"],
      middlewares: [
        listQuery(
          z
            .object({ offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(100).default(20) })
            .strict()
        ),
      ],
    },
    {
      matcher: "/admin/vendors/:id/adjustments",
      method: ["POST"],
      middlewares: [
        validateBody(
          z
            .object({
              amount: moneyAmount("nonzero"),
              currency_code: z
                .string()
                .length(3)
                .transform((c) => c.toLowerCase()),
              reason: z.string().trim().min(3).max(1000),
              idempotency_key: z.string().min(1).max(200).optional(),
            })
            .strict()
            .superRefine(currencyDecimals())
        ),
      ],
    },
    {
      matcher: "/admin/commission-revenue",
      method: ["GET"],
      middlewares: [
        listQuery(
          z
            .object({
              currency_code: z
                .string()
                .length(3)
                .transform((c) => c.toLowerCase())
                .optional(),
              from: z.coerce.date().optional(),
              to: z.coerce.date().optional(),
            })
            .strict()
        ),
      ],
    },

    // ---- /admin/vendor-orders
    {
      matcher: "/admin/vendor-orders",
      method: ["GET"],
      middlewares: [
        validateQuery(
          VendorListOrders.extend({
            vendor_id: z.union([z.string(), z.array(z.string())]).optional(),
            order_id: z.union([z.string(), z.array(z.string())]).optional(),
          }) as any,
          listVendorOrdersQueryConfig
        ),
      ],
    },

    // ---- /admin/commission-rules
    { matcher: "/admin/commission-rules", method: ["GET"], middlewares: [listQuery(AdminListCommissionRules)] },
    { matcher: "/admin/commission-rules", method: ["POST"], middlewares: [validateBody(AdminCreateCommissionRule as any)] },
    { matcher: "/admin/commission-rules/preview", method: ["POST"], middlewares: [validateBody(AdminPreviewCommission)] },
    {
      matcher: "/admin/commission-rules/:id",
      method: ["POST"],
      // /preview is a route of its own, with its own body.
      // The schema stays visible on the wrapper for the generated bad-input test.
      middlewares: [
        Object.assign(unlessPath(/\/preview\/?$/, validateBody(AdminUpdateCommissionRule) as any), {
          bodySchema: AdminUpdateCommissionRule,
        }),
      ],
    },

    {
      matcher: "/admin/vendor-orders/:id/refunds",
      method: ["POST"],
      middlewares: [
        validateBody(
          // The vendor order's currency is checked in the route (decimals).
          z.object({ amount: moneyAmount("positive"), note: z.string().trim().min(3).max(1000) }).strict()
        ),
      ],
    },

    // ---- /store
    {
      matcher: "/store/orders/:id/vendor-orders",
      method: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/store/vendors",
      method: ["GET"],
      middlewares: [
        listQuery(
          z
            .object({
              offset: z.coerce.number().int().min(0).default(0),
              limit: z.coerce.number().int().min(1).max(100).default(20),
              q: z.string().max(200).optional(),
            })
            .strict()
        ),
      ],
    },
    { matcher: "/store/products*", method: ["GET"], middlewares: [restrictStoreVendorFields] },
    // Quantities are whole numbers up to MARKETPLACE_MAX_QUANTITY (src/api/utils/amounts.ts).
    { matcher: "/store/carts", method: ["POST"], middlewares: [checkCartQuantities, rejectInactiveVendorItems] },
    { matcher: "/store/carts/:id/line-items", method: ["POST"], middlewares: [checkCartQuantities, rejectInactiveVendorItems] },
    { matcher: "/store/carts/:id/line-items/:line_id", method: ["POST"], middlewares: [checkCartQuantities] },
    // A vendor suspended after its items went into the cart: refused before anything is written.
    { matcher: "/store/carts/:id/complete", method: ["POST"], middlewares: [rejectInactiveVendorCart] },
    // Prices on Medusa's own admin routes follow the same amount rules as the vendors' (issue 14).
    { matcher: "/admin/products*", method: ["POST"], middlewares: [checkPriceAmounts] },
    { matcher: "/admin/price-lists*", method: ["POST"], middlewares: [checkPriceAmounts] },
    { matcher: "/admin/shipping-options*", method: ["POST"], middlewares: [checkPriceAmounts] },
  ],
})
