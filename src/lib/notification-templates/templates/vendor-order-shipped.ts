import { html, list, safeUrl, show, str } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * vendor-order-shipped: the buyer hears that one vendor shipped (part of) the order.
 * Sender: src/subscribers/vendor-shipment-notification.ts (event vendor_order.shipment_created).
 * data:
 * - vendor_name
 * - order_display_id: the buyer's order number (may be null)
 * - items: [{ title, quantity }] in this shipment
 * - tracking: [{ number, url | null }]
 */
export const vendorOrderShipped: NotificationTemplate = {
  name: "vendor-order-shipped",
  category: "shipping",
  example: {
    vendor_name: "Alpha Tools",
    order_display_id: 77,
    items: [{ title: "Alpha Box", quantity: 1 }],
    tracking: [{ number: "1Z999", url: "https://track.example.com/1Z999" }],
  },
  build: (d) => {
    const vendor = str(d, "vendor_name")
    const order = str(d, "order_display_id")
    const items = list(d, "items")
    const tracking = list(d, "tracking")
    const title = order ? `Your order #${order}: ${vendor} has shipped` : `${vendor} has shipped your items`
    return {
      subject: title,
      heading: title,
      html: html`<p>${vendor} has sent these items:</p>
        <ul>
          ${items.map((i) => html`<li>${show(i.quantity)} × ${show(i.title)}</li>`)}
        </ul>
        ${
          tracking.length
            ? html`<p>Tracking:</p>
                <ul>
                  ${tracking.map((t) => {
                    const url = safeUrl(t.url)
                    return url ? html`<li><a href="${url}">${show(t.number)}</a></li>` : html`<li>${show(t.number)}</li>`
                  })}
                </ul>`
            : ""
        }`,
      text: [
        `${vendor} has sent these items:`,
        items.map((i) => `- ${show(i.quantity)} × ${show(i.title)}`).join("\n"),
        tracking.length
          ? ["Tracking:", ...tracking.map((t) => `- ${show(t.number)}${safeUrl(t.url) ? ` ${safeUrl(t.url)}` : ""}`)].join("\n")
          : "",
      ]
        .filter(Boolean)
        .join("\n\n"),
      sms: `${title}.${tracking[0] ? ` Tracking: ${show(tracking[0].number)}` : ""}`,
    }
  },
}
