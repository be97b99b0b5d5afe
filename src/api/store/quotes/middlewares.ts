import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { StoreAcceptQuote, StoreCreateQuote, StoreListQuotes, StorePostQuoteMessage } from "./validators"

// Outside /store/customers/me, so the customer is authenticated here; routes with an :id are the store scope's (quote rule).
const customer = authenticate("customer", ["session", "bearer"])

export const storeQuoteRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/quotes", method: ["GET"], middlewares: [validateQuery(StoreListQuotes), customer] },
  { matcher: "/store/quotes", method: ["POST"], middlewares: [customer, validateBody(StoreCreateQuote)] },
  { matcher: "/store/quotes/:id/accept", method: ["POST"], middlewares: [validateBody(StoreAcceptQuote)] },
  {
    matcher: "/store/quotes/:id/vendor-quotes/:vendor_quote_id/messages",
    method: ["POST"],
    middlewares: [validateBody(StorePostQuoteMessage)],
  },
]
