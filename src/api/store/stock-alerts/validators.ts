import { z } from "@medusajs/framework/zod"
import { pageParams } from "../../utils/validation"
import { STOCK_ALERT_CHANNELS, STOCK_ALERT_STATUSES } from "../../../modules/stock-alert/models/stock-alert"

export const StoreCreateStockAlert = z
  .object({
    variant_id: z.string().trim().min(1).max(100),
    channel: z.enum(STOCK_ALERT_CHANNELS).optional(),
  })
  .strict()
export type StoreCreateStockAlertType = z.infer<typeof StoreCreateStockAlert>

export const StoreListStockAlerts = pageParams({ limit: 20 })
  .extend({ status: z.enum(STOCK_ALERT_STATUSES).optional() })
  .strict()
export type StoreListStockAlertsType = z.infer<typeof StoreListStockAlerts>
