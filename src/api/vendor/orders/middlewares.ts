import type { MiddlewareRoute } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { validateBody, validateQuery } from "../../utils/validation"
import { requireVendorRole } from "../context"
import { ORDER_HANDLERS, ORDER_READERS } from "../roles"
import { listVendorOrdersQueryConfig } from "./query-config"
import {
  VendorAcceptOrder,
  VendorCancelOrder,
  VendorCreateFulfillment,
  VendorCreateShipment,
  VendorListOrders,
  VendorMarkDelivered,
  VendorReceiveReturn,
  VendorRejectOrder,
} from "./validators"

const orderAction = (matcher: string, schema: z.ZodTypeAny): MiddlewareRoute => ({
  matcher,
  method: ["POST"],
  middlewares: [requireVendorRole(...ORDER_HANDLERS), validateBody(schema)],
})

export const vendorOrdersRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/vendor/orders",
    method: ["GET"],
    middlewares: [requireVendorRole(...ORDER_READERS), validateQuery(VendorListOrders, listVendorOrdersQueryConfig)],
  },
  { matcher: "/vendor/orders/:id", method: ["GET"], middlewares: [requireVendorRole(...ORDER_READERS)] },
  orderAction("/vendor/orders/:id/accept", VendorAcceptOrder),
  orderAction("/vendor/orders/:id/reject", VendorRejectOrder),
  orderAction("/vendor/orders/:id/cancel", VendorCancelOrder),
  orderAction("/vendor/orders/:id/fulfillments", VendorCreateFulfillment),
  orderAction("/vendor/orders/:id/fulfillments/:fulfillment_id/shipments", VendorCreateShipment),
  orderAction("/vendor/orders/:id/fulfillments/:fulfillment_id/mark-as-delivered", VendorMarkDelivered),
  orderAction("/vendor/orders/:id/returns", VendorReceiveReturn),
]
