import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendDueStockAlerts } from "../workflows/stock-alert/workflows/send-stock-alerts"
import { stockAlertsSchedule } from "../options"

/**
 * The backstop of back-in-stock alerts: every variant with an active alert is
 * checked (option stockAlertsSchedule, env STOCK_ALERTS_SCHEDULE, cron,
 * default every minute), so stock that comes back without an inventory
 * event, or whose event was lost, is noticed within a minute. Sends in
 * batches of stockAlertsBatchSize (env STOCK_ALERTS_BATCH_SIZE, default 100)
 * on the worker.
 */
export default async function sendStockAlertsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const r = await sendDueStockAlerts(container)
    if (r.claimed) logger.info(`Stock alerts: ${r.claimed} fired (${r.sent} messages, ${r.skipped} skipped) in ${r.batches} batches`)
  } catch (e) {
    logger.error(`The stock alert run failed: ${(e as Error).message}`)
  }
}

export const config = {
  name: "send-stock-alerts",
  // Read when the job is imported, after the modules (and their options) loaded.
  schedule: stockAlertsSchedule(),
}
