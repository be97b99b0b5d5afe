import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STOCK_ALERT_MODULE } from "../../../modules/stock-alert"
import type StockAlertModuleService from "../../../modules/stock-alert/service"
import { createStockAlertWorkflow } from "../../../workflows/stock-alert/workflows/create-stock-alert"
import { STOCK_ALERT_FIELDS } from "./query-config"
import type { StoreCreateStockAlertType, StoreListStockAlertsType } from "./validators"
import { customerFilters, customerId } from "../scope"

/** GET /store/stock-alerts: the signed-in customer's own alerts, newest first. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreListStockAlertsType>, res: MedusaResponse) {
  const { offset, limit, status } = req.validatedQuery
  const service: StockAlertModuleService = req.scope.resolve(STOCK_ALERT_MODULE)
  const [stock_alerts, count] = await service.listAndCountStockAlerts(
    { ...(status ? { status } : {}), ...customerFilters(req) },
    { select: [...STOCK_ALERT_FIELDS], skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ stock_alerts, count, offset, limit })
}

/**
 * POST /store/stock-alerts {variant_id, channel?}: tell me once when this
 * out-of-stock variant can be bought again in this store's sales channel.
 * A second request for the same variant answers the existing active alert.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreCreateStockAlertType>, res: MedusaResponse) {
  const { result } = await createStockAlertWorkflow(req.scope).run({
    input: {
      variant_id: req.validatedBody.variant_id,
      channel: req.validatedBody.channel ?? "email",
      customer_id: customerId(req),
      sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
    },
  })
  const stock_alert = Object.fromEntries(STOCK_ALERT_FIELDS.map((f) => [f, result[f]]))
  res.json({ stock_alert })
}
