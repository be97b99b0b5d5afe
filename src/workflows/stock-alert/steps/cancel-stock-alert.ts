import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { STOCK_ALERT_MODULE } from "../../../modules/stock-alert"
import type StockAlertModuleService from "../../../modules/stock-alert/service"
import type { StockAlertStatus } from "../../../modules/stock-alert/models/stock-alert"

/**
 * The customer removes one of their alerts: an active one becomes
 * `canceled` (it will not fire), and the row leaves the customer's list
 * (soft delete, kept for support). Another customer's alert is 404, as if it
 * did not exist.
 */
export const cancelStockAlertStep = createStep(
  "cancel-stock-alert",
  async (input: { id: string; customer_id: string }, { container }) => {
    const service: StockAlertModuleService = container.resolve(STOCK_ALERT_MODULE)
    const [alert] = await service.listStockAlerts({ id: input.id, customer_id: input.customer_id }, { take: 1 })
    if (!alert) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock alert with id: ${input.id} was not found`)
    if (alert.status === "active") await service.updateStockAlerts({ id: alert.id, status: "canceled" })
    await service.softDeleteStockAlerts(alert.id)
    return new StepResponse({ id: alert.id }, { id: alert.id, status: alert.status as StockAlertStatus })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: StockAlertModuleService = container.resolve(STOCK_ALERT_MODULE)
    await service.restoreStockAlerts(previous.id)
    await service.updateStockAlerts({ id: previous.id, status: previous.status })
  }
)
