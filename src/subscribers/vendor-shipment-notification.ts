import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"

/** Emails the customer when a vendor ships a fulfillment: which vendor, what, and the tracking numbers. */
export default async function vendorShipmentNotification({ event, container }: SubscriberArgs<{ id: string; fulfillment_id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "vendor_order",
    fields: [
      "id",
      "display_id",
      "email",
      "customer_id",
      "order_id",
      "vendor.name",
      "order.display_id",
      "order.fulfillments.id",
      "order.fulfillments.items.title",
      "order.fulfillments.items.quantity",
      "order.fulfillments.labels.tracking_number",
      "order.fulfillments.labels.tracking_url",
    ],
    filters: { id: event.data.id },
  })
  const vo = data[0]
  if (!vo?.email) return
  const fulfillment = (vo.order?.fulfillments ?? []).find((f: any) => f.id === event.data.fulfillment_id)
  await sendNotificationsWorkflow(container).run({
    input: {
      notifications: [
        {
          to: vo.email,
          channel: "email",
          template: "vendor-order-shipped",
          // The buyer's `shipping` preference decides (a guest order's customer record has one too).
          category: "shipping",
          recipient: vo.customer_id ? { type: "customer", id: vo.customer_id } : null,
          idempotency_key: `vendor-order-shipped-${event.data.fulfillment_id}`,
          data: {
            vendor_name: vo.vendor.name,
            order_display_id: vo.order?.display_id ?? null,
            items: (fulfillment?.items ?? []).map((i: any) => ({ title: i.title, quantity: i.quantity })),
            tracking: (fulfillment?.labels ?? []).map((l: any) => ({ number: l.tracking_number, url: l.tracking_url || null })),
          },
        },
      ],
    },
  })
}

export const config: SubscriberConfig = { event: "vendor_order.shipment_created" }
