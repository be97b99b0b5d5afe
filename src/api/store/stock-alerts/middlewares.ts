import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../utils/validation"
import { StoreCreateStockAlert, StoreListStockAlerts } from "./validators"

// Outside /store/customers/me, so the customer is authenticated here (session or bearer).
const customer = authenticate("customer", ["session", "bearer"])

export const storeStockAlertRoutesMiddlewares: MiddlewareRoute[] = [
  // The page-size cap answers before sign-in (the schema is public; isolation.spec checks every list's cap).
  { matcher: "/store/stock-alerts", method: ["GET"], middlewares: [validateQuery(StoreListStockAlerts), customer] },
  { matcher: "/store/stock-alerts", method: ["POST"], middlewares: [customer, validateBody(StoreCreateStockAlert)] },
  { matcher: "/store/stock-alerts/:id", method: ["DELETE"], middlewares: [customer] },
]
