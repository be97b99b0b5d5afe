import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { requireVendorRole } from "../context"
import { ORDER_HANDLERS, ORDER_READERS } from "../roles"
import { VendorDeclineQuote, VendorListQuotes, VendorPostQuoteMessage, VendorRespondQuote } from "./validators"

// Quotes are orders to be: the roles that see buyers' orders see them, the order handlers answer them.
export const vendorQuotesRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/vendor/quotes", method: ["GET"], middlewares: [requireVendorRole(...ORDER_READERS), validateQuery(VendorListQuotes)] },
  { matcher: "/vendor/quotes/:id", method: ["GET"], middlewares: [requireVendorRole(...ORDER_READERS)] },
  {
    matcher: "/vendor/quotes/:id/respond",
    method: ["POST"],
    middlewares: [requireVendorRole(...ORDER_HANDLERS), validateBody(VendorRespondQuote)],
  },
  {
    matcher: "/vendor/quotes/:id/decline",
    method: ["POST"],
    middlewares: [requireVendorRole(...ORDER_HANDLERS), validateBody(VendorDeclineQuote)],
  },
  {
    matcher: "/vendor/quotes/:id/messages",
    method: ["POST"],
    middlewares: [requireVendorRole(...ORDER_HANDLERS), validateBody(VendorPostQuoteMessage)],
  },
]
