import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { presentVendorOrder } from "../../../../vendor/orders/helpers"
import { VENDOR_ORDER_FIELDS } from "../../../../vendor/orders/query-config"
import { marketplaceStatus } from "../../../../../modules/vendor/vendor-order-status"

/**
 * GET /admin/orders/:id/vendor-orders: the order's vendor split and its
 * derived marketplace status.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id"], filters: { id: req.params.id } })
  if (!orders[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  const { data } = await query.graph({
    entity: "vendor_order",
    fields: VENDOR_ORDER_FIELDS,
    filters: { order_id: req.params.id },
    pagination: { order: { display_id: "ASC" } },
  })
  res.json({
    vendor_orders: data.map(presentVendorOrder),
    marketplace_status: marketplaceStatus(data.map((v) => v.status)),
  })
}
