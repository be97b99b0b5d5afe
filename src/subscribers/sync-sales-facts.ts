import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncSalesFactsWorkflow } from "../workflows/analytics/workflows/sync-sales-facts"

/**
 * Keeps the sales facts current: every vendor-order event recomputes that
 * vendor order's facts. It runs after the response, off the checkout's hot
 * path (bench/RESULTS.md), and on the worker when there is one.
 */
export default async function syncSalesFacts({ event, container }: SubscriberArgs<{ id: string }>) {
  await syncSalesFactsWorkflow(container).run({ input: { vendor_order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: [
    "vendor_order.created",
    "vendor_order.accepted",
    "vendor_order.rejected",
    "vendor_order.canceled",
    "vendor_order.fulfillment_created",
    "vendor_order.shipment_created",
    "vendor_order.fulfillment_delivered",
    "vendor_order.return_received",
    "vendor_order.refunded",
  ],
}
