import { authenticate, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreReorder } from "./validators"

export const storeOrderRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/orders/:id/vendor-orders", method: ["GET"], middlewares: [authenticate("customer", ["session", "bearer"])] },
  {
    matcher: "/store/orders/:id/reorder",
    method: ["POST"],
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreReorder)],
  },
]
