import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validation"
import { ChangePassword } from "../../auth/validators"
import { CustomerNotificationPreferences } from "./validators"

// Medusa authenticates /store/customers/me* as the customer (session or bearer).
export const storeCustomerRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/customers/me/password", method: ["POST"], middlewares: [validateBody(ChangePassword)] },
  {
    matcher: "/store/customers/me/notification-preferences",
    method: ["POST"],
    middlewares: [validateBody(CustomerNotificationPreferences)],
  },
]
