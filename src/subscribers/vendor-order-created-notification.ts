import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"
import { VENDOR_MODULE } from "../modules/vendor"
import type VendorModuleService from "../modules/vendor/service"
import { vendorPanelUrl } from "../options"

// The members who handle orders hear about new ones.
const ORDER_ROLES = ["owner", "admin", "orders"]

/** Emails the vendor's order handlers about a new vendor order. */
export default async function vendorOrderCreatedNotification({ event, container }: SubscriberArgs<{ id: string; order_id: string }>) {
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const [order] = await vendors.listVendorOrders({ id: event.data.id }, { relations: ["vendor", "vendor.members", "items"] })
  if (!order) return
  const recipients = order.vendor.members.filter((m) => ORDER_ROLES.includes(m.role))
  const panel = vendorPanelUrl()
  const notifications = recipients.map((m) => ({
    to: m.email,
    channel: "email" as const,
    template: "vendor-order-created",
    category: "orders" as const,
    recipient: { type: "vendor_member" as const, id: m.id },
    idempotency_key: `vendor-order-created-${order.id}-${m.id}`,
    data: {
      vendor_name: order.vendor.name,
      display_id: order.display_id,
      currency_code: order.currency_code,
      total: order.total,
      items: order.items.map((i) => ({ title: i.title, quantity: i.quantity })),
      order_url: `${panel}/orders/${order.id}`,
    },
  }))
  // Each member's own preferences (category orders) decide: one member opting out does not silence the others.
  await sendNotificationsWorkflow(container).run({ input: { notifications } })
}

export const config: SubscriberConfig = { event: "vendor_order.created" }
