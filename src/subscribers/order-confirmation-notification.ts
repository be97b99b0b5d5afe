import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"
import { VENDOR_MODULE } from "../modules/vendor"
import type VendorModuleService from "../modules/vendor/service"
import { decimalString, rawAmount, type WithAmount } from "../lib/money"
import { storefrontUrl } from "../options"

/**
 * The buyer's order confirmation (template order-confirmation), with the
 * vendor split: per vendor its items, item subtotal, shipping and total,
 * and the order's totals. Amounts are the stored exact values rounded
 * half-even to the currency (src/lib/money), never float sums.
 *
 * It listens to vendor_order.created rather than order.placed: the split
 * (at checkout, or in the order.placed subscriber for other orders) writes
 * all vendor orders of an order in one transaction and then emits one event
 * per vendor order, so any of those events sees the whole split. Only the
 * event of the order's first vendor order (by id) sends; the idempotency key
 * per order keeps a replay from sending twice. The buyer's `orders`
 * preference decides.
 */
export default async function orderConfirmationNotification({ event, container }: SubscriberArgs<{ id: string; order_id: string }>) {
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const split = await vendors.listVendorOrders({ order_id: event.data.order_id }, { relations: ["vendor", "items", "shipping_methods"] })
  const first = [...split].sort((a, b) => a.id.localeCompare(b.id))[0]
  if (!first || first.id !== event.data.id) return

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "email",
      "customer_id",
      "currency_code",
      "subtotal",
      "item_total",
      "shipping_total",
      "tax_total",
      "discount_total",
      "total",
    ],
    filters: { id: event.data.order_id },
  })
  const order = data[0]
  if (!order?.email) return
  const currency = order.currency_code
  const amount = <K extends string>(entity: WithAmount<K>, key: K) => decimalString(rawAmount(entity, key), currency)

  await sendNotificationsWorkflow(container).run({
    input: {
      notifications: [
        {
          to: order.email,
          channel: "email",
          template: "order-confirmation",
          category: "orders",
          recipient: order.customer_id ? { type: "customer", id: order.customer_id } : null,
          idempotency_key: `order-confirmation-${order.id}`,
          data: {
            order_id: order.id,
            display_id: order.display_id,
            currency_code: currency,
            vendors: [...split]
              .sort((a, b) => a.vendor.name.localeCompare(b.vendor.name))
              .map((vo) => ({
                vendor_name: vo.vendor.name,
                vendor_order_id: vo.id,
                items: vo.items.map((i) => ({
                  title: [i.title, i.variant_title].filter(Boolean).join(" – "),
                  quantity: Number(i.quantity),
                  total: amount(i, "total"),
                })),
                subtotal: amount(vo, "item_total"),
                shipping_total: amount(vo, "shipping_total"),
                total: amount(vo, "total"),
              })),
            subtotal: amount(order, "item_total"),
            shipping_total: amount(order, "shipping_total"),
            discount_total: amount(order, "discount_total"),
            tax_total: amount(order, "tax_total"),
            total: amount(order, "total"),
            order_url: `${storefrontUrl()}/account/orders/${order.id}`,
          },
        },
      ],
    },
  })
}

export const config: SubscriberConfig = { event: "vendor_order.created", context: { subscriberId: "lilium-order-confirmation" } }
