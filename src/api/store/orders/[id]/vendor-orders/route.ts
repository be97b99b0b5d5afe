import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { vendorFulfillments } from "../../../../vendor/orders/helpers"
import { ORDER_FULFILLMENT_FIELDS } from "../../../../vendor/orders/query-config"
import { marketplaceStatus } from "../../../../../modules/vendor/vendor-order-status"
import { customerParam } from "../../../scope"

/**
 * GET /store/orders/:id/vendor-orders (customer token): the buyer's view of
 * its order's vendor parts. Another customer's order is 404 (src/api/store/scope.ts).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id", ...ORDER_FULFILLMENT_FIELDS],
    filters: { id: customerParam(req, "id") },
  })
  const order = orders[0]
  const { data } = await query.graph({
    entity: "vendor_order",
    fields: [
      "id",
      "display_id",
      "status",
      "currency_code",
      "total",
      "created_at",
      "vendor.handle",
      "vendor.name",
      "items.line_item_id",
      "items.title",
      "items.variant_id",
      "items.quantity",
      "items.unit_price",
      "items.total",
    ],
    filters: { order_id: order.id },
    pagination: { order: { display_id: "ASC" } },
  })
  res.json({
    marketplace_status: marketplaceStatus(data.map((v) => v.status)),
    vendor_orders: data.map((vo) => {
      const items = vo.items.filter((i) => !!i)
      return {
        id: vo.id,
        display_id: vo.display_id,
        status: vo.status,
        currency_code: vo.currency_code,
        vendor: { handle: vo.vendor.handle, name: vo.vendor.name },
        // The line item id is the item's id here (the vendor order item's own id is not read).
        items: items.map(({ line_item_id, id: _own, ...i }) => ({ id: line_item_id, ...i })),
        total: vo.total,
        created_at: vo.created_at,
        // The buyer gets tracking, not the vendor's shipping-label files.
        fulfillments: vendorFulfillments(order, new Set(items.map((i) => i.line_item_id))).map((f) => ({
          ...f,
          labels: f.labels.map(({ label_url: _label, ...l }) => l),
        })),
      }
    }),
  })
}
