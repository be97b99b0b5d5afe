import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendDueStockAlerts } from "../workflows/stock-alert/workflows/send-stock-alerts"

const LEVEL_EVENTS = ["inventory.inventory-level.created", "inventory.inventory-level.updated"]
const RESERVATION_EVENTS = ["inventory.reservation-item.deleted", "inventory.reservation-item.updated"]

/**
 * The fast path of back-in-stock alerts: when Medusa's inventory module
 * reports a changed stock level or a released reservation, the alerts of
 * that item's variants are checked and sent at once, in batches, after the
 * change's own request has answered. Paths that change stock without an
 * event are covered by the job (send-stock-alerts, every minute).
 */
export default async function stockAlertInventoryChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  const id = event.data?.id
  if (!id) return
  const input = LEVEL_EVENTS.includes(event.name) ? { inventory_level_ids: [id] } : { reservation_item_ids: [id] }
  try {
    await sendDueStockAlerts(container, input)
  } catch (e) {
    // The job retries every minute; an event is not replayed.
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Stock alerts after ${event.name} ${id}: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = { event: [...LEVEL_EVENTS, ...RESERVATION_EVENTS] }
