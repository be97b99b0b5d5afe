import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"

export const storeOrderRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/orders/:id/vendor-orders", method: ["GET"], middlewares: [authenticate("customer", ["session", "bearer"])] },
]
