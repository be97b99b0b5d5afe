import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validation"
import { StoreReorder } from "./validators"

export const storeOrderRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/orders/:id/vendor-orders", method: ["GET"], middlewares: [authenticate("customer", ["session", "bearer"])] },
  {
    matcher: "/store/orders/:id/reorder",
    method: ["POST"],
    middlewares: [authenticate("customer", ["session", "bearer"]), validateBody(StoreReorder)],
  },
]
