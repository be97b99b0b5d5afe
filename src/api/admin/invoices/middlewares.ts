import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { listInvoicesQueryConfig } from "./helpers"
import { refuseDirectInvoiceCapture } from "./refuse-direct-capture"
import { AdminInvoiceAnalytics, AdminListInvoices, AdminMarkInvoicePaid } from "./validators"

// Payment by invoice, the operator's side (issue 19). Medusa authenticates /admin/* as the operator.
export const adminInvoiceRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/invoices", method: ["GET"], middlewares: [validateQuery(AdminListInvoices, listInvoicesQueryConfig)] },
  { matcher: "/admin/orders/:id/mark-invoice-paid", method: ["POST"], middlewares: [validateBody(AdminMarkInvoicePaid)] },
  { matcher: "/admin/analytics/invoices", method: ["GET"], middlewares: [validateQuery(AdminInvoiceAnalytics)] },
  // Medusa's capture route: an invoice payment is captured only by mark-invoice-paid.
  { matcher: "/admin/payments/:id/capture", method: ["POST"], middlewares: [refuseDirectInvoiceCapture] },
]
