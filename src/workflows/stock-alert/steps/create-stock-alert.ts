import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCK_ALERT_MODULE } from "../../../modules/stock-alert"
import type StockAlertModuleService from "../../../modules/stock-alert/service"

export type CreateStockAlertInput = { customer_id: string; variant_id: string; sales_channel_id: string; channel: "email" | "sms" }

const activeOf = (service: StockAlertModuleService, input: CreateStockAlertInput) =>
  service.listStockAlerts({ customer_id: input.customer_id, variant_id: input.variant_id, status: "active" }, { take: 1 })

/**
 * One active alert per customer and variant: an existing one is returned as
 * it is (the partial unique index settles two concurrent requests: the loser
 * reads the winner's row). Compensation removes only a row this step made.
 */
export const createStockAlertStep = createStep(
  "create-stock-alert",
  async (input: CreateStockAlertInput, { container }) => {
    const service: StockAlertModuleService = container.resolve(STOCK_ALERT_MODULE)
    const [existing] = await activeOf(service, input)
    if (existing) return new StepResponse(existing, null)
    try {
      const created = await service.createStockAlerts({ ...input, status: "active" })
      return new StepResponse(created, created.id)
    } catch (e) {
      const [winner] = await activeOf(service, input)
      if (winner) return new StepResponse(winner, null)
      throw e
    }
  },
  async (createdId, { container }) => {
    if (!createdId) return
    const service: StockAlertModuleService = container.resolve(STOCK_ALERT_MODULE)
    await service.deleteStockAlerts(createdId)
  }
)
