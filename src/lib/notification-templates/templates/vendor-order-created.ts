import { button, html, list, money, show, str, textLink } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * vendor-order-created: a vendor's order handlers hear about a new order.
 * Sender: src/subscribers/vendor-order-created-notification.ts (event vendor_order.created).
 * data:
 * - vendor_name
 * - display_id: the vendor order's number
 * - currency_code, total: the vendor order's total (number or numeric string; or a preformatted string)
 * - items: [{ title, quantity }]
 * - order_url: the order in the vendor panel
 */
export const vendorOrderCreated: NotificationTemplate = {
  name: "vendor-order-created",
  category: "orders",
  example: {
    vendor_name: "Alpha Tools",
    display_id: 1042,
    currency_code: "eur",
    total: 59.9,
    items: [{ title: "Alpha Box", quantity: 2 }],
    order_url: "https://vendors.example.com/orders/vo_1",
  },
  build: (d, { locale }) => {
    const number = str(d, "display_id")
    const total = money(d.total, d.currency_code, locale)
    const items = list(d, "items")
    return {
      subject: `New order #${number} for ${str(d, "vendor_name")}`,
      heading: `New order #${number}`,
      html: html`<p>${str(d, "vendor_name")} has a new order.</p>
        <ul>
          ${items.map((i) => html`<li>${show(i.quantity)} × ${show(i.title)}</li>`)}
        </ul>
        <p>Total: <strong>${total}</strong></p>
        ${button(d.order_url, "Open the order")}`,
      text: [
        `${str(d, "vendor_name")} has a new order.`,
        items.map((i) => `- ${show(i.quantity)} × ${show(i.title)}`).join("\n"),
        `Total: ${total}`,
        textLink(d.order_url, "Open the order"),
      ].join("\n\n"),
      sms: `New order #${number} (${total}). ${show(d.order_url)}`.trim(),
    }
  },
}
