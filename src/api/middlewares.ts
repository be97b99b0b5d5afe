import { defineMiddlewares, errorHandler } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refuseUnstorablePath } from "./utils/validation"
import { applySecurityHeaders, securityHeaders } from "./utils/security-headers"
import { csrfGuard } from "./utils/csrf"
import { apiRateLimit } from "./utils/rate-limit"
import { requestId } from "./utils/audit"
import { httpMetrics } from "./utils/http-metrics"
import { tokenFreshness } from "./utils/token-freshness"
import { vendorCors } from "./utils/vendor-cors"
import { serveVendorPanel } from "./utils/vendor-panel"
import { isStateConflict } from "../lib/errors/state-conflict"
import { httpBodyLimit } from "../options"
import { adminPriceAmountMiddlewares } from "./admin/middlewares"
import { adminAnalyticsRoutesMiddlewares } from "./admin/analytics/middlewares"
import { adminUserRoutesMiddlewares } from "./admin/users/middlewares"
import { adminNotificationRoutesMiddlewares } from "./admin/notifications/middlewares"
import { adminMarketplaceSettingsRoutesMiddlewares } from "./admin/marketplace-settings/middlewares"
import { authRoutesMiddlewares } from "./auth/middlewares"
import { adminAuditLogRoutesMiddlewares } from "./admin/audit-log/middlewares"
import { adminCommissionRevenueRoutesMiddlewares } from "./admin/commission-revenue/middlewares"
import { adminCommissionRuleRoutesMiddlewares } from "./admin/commission-rules/middlewares"
import { adminPayoutRunRoutesMiddlewares } from "./admin/payout-runs/middlewares"
import { adminPayoutRoutesMiddlewares } from "./admin/payouts/middlewares"
import { adminVendorOrderRoutesMiddlewares } from "./admin/vendor-orders/middlewares"
import { adminVendorRoutesMiddlewares } from "./admin/vendors/middlewares"
import { adminCompanyRoutesMiddlewares } from "./admin/companies/middlewares"
import { adminInvoiceRoutesMiddlewares } from "./admin/invoices/middlewares"
import { hookRoutesMiddlewares } from "./hooks/middlewares"
import { storeProductRoutesMiddlewares } from "./store/middlewares"
import { storeCartRoutesMiddlewares } from "./store/carts/middlewares"
import { storeCustomerRoutesMiddlewares } from "./store/customers/middlewares"
import { storeWishlistRoutesMiddlewares } from "./store/customers/me/wishlists/middlewares"
import { storeOrderRoutesMiddlewares } from "./store/orders/middlewares"
import { storeVendorRoutesMiddlewares } from "./store/vendors/middlewares"
import { storeStockAlertRoutesMiddlewares } from "./store/stock-alerts/middlewares"
import { storeCompanyRoutesMiddlewares } from "./store/companies/middlewares"
import { storeInvoicePaymentMiddlewares } from "./store/payment-invoice"
import { pendingApprovalMiddlewares } from "./store/companies/pending-approval"
import { storeQuoteRoutesMiddlewares } from "./store/quotes/middlewares"
import { acceptedQuoteCartMiddlewares } from "./store/quotes/accepted-cart"
import { storeScopeMiddlewares } from "./store/scope"
import { vendorGuardMiddlewares } from "./vendor/middlewares"
import { vendorAnalyticsRoutesMiddlewares } from "./vendor/analytics/middlewares"
import { vendorAuditLogRoutesMiddlewares } from "./vendor/audit-log/middlewares"
import { vendorBalanceRoutesMiddlewares } from "./vendor/balance/middlewares"
import { vendorInvitesRoutesMiddlewares } from "./vendor/invites/middlewares"
import { vendorMeRoutesMiddlewares } from "./vendor/me/middlewares"
import { vendorMembersRoutesMiddlewares } from "./vendor/members/middlewares"
import { vendorOrdersRoutesMiddlewares } from "./vendor/orders/middlewares"
import { vendorPayoutAccountRoutesMiddlewares } from "./vendor/payout-account/middlewares"
import { vendorPayoutsRoutesMiddlewares } from "./vendor/payouts/middlewares"
import { vendorProductsRoutesMiddlewares } from "./vendor/products/middlewares"
import { vendorPriceListsRoutesMiddlewares } from "./vendor/price-lists/middlewares"
import { vendorQuotesRoutesMiddlewares } from "./vendor/quotes/middlewares"
import { vendorCompaniesRoutesMiddlewares } from "./vendor/companies/middlewares"
import { vendorShippingOptionsRoutesMiddlewares } from "./vendor/shipping-options/middlewares"
import { vendorTransactionsRoutesMiddlewares } from "./vendor/transactions/middlewares"
import { vendorVendorsRoutesMiddlewares } from "./vendor/vendors/middlewares"

/**
 * The one place where Lilium's middlewares are gathered; each resource keeps
 * its own list next to its routes (as Medusa's core does). HTTP hardening
 * comes first: security headers on every response, rate limits on every API
 * route, and a JSON body size limit (HTTP_BODY_LIMIT, default 1mb; Medusa's
 * routes that need more, such as uploads, keep their own settings). Medusa
 * sorts the routes by matcher (global and wildcard before static and params)
 * and keeps this order among equal matchers.
 */
const medusaErrorHandler = errorHandler()

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
      // httpMetrics first: it times the whole request, refusals included.
      middlewares: [httpMetrics, securityHeaders, requestId, refuseUnstorablePath],
      bodyParser: { sizeLimit: httpBodyLimit() },
    },
    // VENDOR_CORS for /vendor/* (preflights answered here, before the vendor guard and the rate limits; issue 22).
    // The vendor panel's static files at /vendor-panel, before the vendor guard ("/vendor*" would take it).
    { matcher: "/*", middlewares: [vendorCors, serveVendorPanel] },
    // CSRF: writes authenticated by the admin/customer session cookie must be JSON from an allowed origin (decision 37).
    { matcher: "/*", middlewares: [csrfGuard] },
    // Rate limits on every API route: reads, writes, sign-in and webhooks (src/api/utils/rate-limit.ts).
    { matcher: "/*", middlewares: [apiRateLimit] },

    // /vendor/*: the tenant guard first, then each resource's roles and schemas.
    ...vendorGuardMiddlewares,
    // Tokens and sessions issued before a password change or reset: 401 (decision on issue 16). After
    // authentication: Medusa authenticates /admin and /store before any of these, vendorAuth /vendor just above.
    { matcher: "/*", middlewares: [tokenFreshness] },
    // /admin*: "require 2FA for admin users" (403 without a completed MFA sign-in), then the settings route.
    ...adminMarketplaceSettingsRoutesMiddlewares,
    ...vendorVendorsRoutesMiddlewares,
    ...vendorMeRoutesMiddlewares,
    ...vendorMembersRoutesMiddlewares,
    ...vendorInvitesRoutesMiddlewares,
    ...vendorProductsRoutesMiddlewares,
    ...vendorPriceListsRoutesMiddlewares,
    ...vendorQuotesRoutesMiddlewares,
    ...vendorCompaniesRoutesMiddlewares,
    ...vendorShippingOptionsRoutesMiddlewares,
    ...vendorOrdersRoutesMiddlewares,
    ...vendorBalanceRoutesMiddlewares,
    ...vendorTransactionsRoutesMiddlewares,
    ...vendorPayoutAccountRoutesMiddlewares,
    ...vendorPayoutsRoutesMiddlewares,
    ...vendorAuditLogRoutesMiddlewares,
    ...vendorAnalyticsRoutesMiddlewares,

    ...adminVendorRoutesMiddlewares,
    ...adminCompanyRoutesMiddlewares,
    ...adminInvoiceRoutesMiddlewares,
    ...adminVendorOrderRoutesMiddlewares,
    ...adminCommissionRuleRoutesMiddlewares,
    ...adminCommissionRevenueRoutesMiddlewares,
    ...adminPayoutRoutesMiddlewares,
    ...adminPayoutRunRoutesMiddlewares,
    ...adminAuditLogRoutesMiddlewares,
    ...adminAnalyticsRoutesMiddlewares,
    ...adminPriceAmountMiddlewares,
    ...adminUserRoutesMiddlewares,
    // Credentials in security mail are masked for operators (sign-in codes, reset/verify/invite links).
    ...adminNotificationRoutesMiddlewares,

    ...hookRoutesMiddlewares,

    // Every Lilium /store route with a path parameter: the customer's own, or 404 (src/api/store/scope.ts), before
    // the resource's own middlewares (same matchers keep this order), so a foreign id is 404 whatever the body.
    ...storeScopeMiddlewares,
    // A cart waiting for its company's approval is frozen (409) before any cart middleware or handler.
    ...pendingApprovalMiddlewares,
    ...acceptedQuoteCartMiddlewares,
    ...storeOrderRoutesMiddlewares,
    ...storeVendorRoutesMiddlewares,
    ...storeProductRoutesMiddlewares,
    ...storeCartRoutesMiddlewares,
    ...storeCustomerRoutesMiddlewares,
    ...storeWishlistRoutesMiddlewares,
    ...storeStockAlertRoutesMiddlewares,
    ...storeCompanyRoutesMiddlewares,
    ...storeQuoteRoutesMiddlewares,
    // Payment by invoice only for companies on payment terms (issue 19).
    ...storeInvoicePaymentMiddlewares,

    ...authRoutesMiddlewares,
  ],
})
