import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCK_ALERT_MODULE } from "../../../modules/stock-alert"
import type StockAlertModuleService from "../../../modules/stock-alert/service"

/**
 * active → sent (sent_at now) for the alerts that are still active: a
 * compare-and-set, so of two concurrent runs (the job and an inventory
 * event) only one sends each alert. If the sending fails, compensation puts
 * this run's alerts back to active for the next run (the messages' keys keep
 * any that did go out from going out twice).
 */
export const claimStockAlertsStep = createStep(
  "claim-stock-alerts",
  async (ids: string[], { container }) => {
    const service: StockAlertModuleService = container.resolve(STOCK_ALERT_MODULE)
    const claimed = await service.claimActive(ids)
    return new StepResponse(claimed, claimed)
  },
  async (claimed, { container }) => {
    if (!claimed?.length) return
    const service: StockAlertModuleService = container.resolve(STOCK_ALERT_MODULE)
    await service.unclaim(claimed)
  }
)
