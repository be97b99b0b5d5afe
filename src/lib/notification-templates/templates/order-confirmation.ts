import { button, html, list, money, show, str, textLink, type Data } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * order-confirmation: the buyer's order, split by vendor.
 * data:
 * - display_id: the order number
 * - currency_code: for every amount given as a number (amounts may also be preformatted strings)
 * - vendors: [{ vendor_name, items: [{ title, quantity, total? }], subtotal? (the vendor's items), shipping_total?, total? }]
 * - subtotal?, shipping_total?, tax_total?, discount_total?, total: the order's totals
 * - order_url (optional): the order in the storefront
 */
const TOTALS: [string, string][] = [
  ["subtotal", "Subtotal"],
  ["shipping_total", "Shipping"],
  ["discount_total", "Discount"],
  ["tax_total", "Tax"],
  ["total", "Total"],
]

export const orderConfirmation: NotificationTemplate = {
  name: "order-confirmation",
  category: "orders",
  example: {
    display_id: 77,
    currency_code: "eur",
    vendors: [
      { vendor_name: "Alpha Tools", items: [{ title: "Alpha Box", quantity: 2, total: 20 }], subtotal: 20, shipping_total: 3, total: 23 },
      { vendor_name: "Beta Bags", items: [{ title: "Beta Bag", quantity: 1, total: "20.00" }], shipping_total: 4, total: 24 },
    ],
    subtotal: 40,
    shipping_total: 7,
    tax_total: 0,
    total: 47,
    order_url: "https://shop.example.com/account/orders/order_1",
  },
  build: (d, { locale }) => {
    const m = (v: unknown) => money(v, d.currency_code, locale)
    const present = (r: Data, key: string) => r[key] !== undefined && r[key] !== null && r[key] !== ""
    const vendors = list(d, "vendors")
    const number = str(d, "display_id")
    const itemLine = (i: Data) => `${show(i.quantity)} × ${show(i.title)}${present(i, "total") ? ` (${m(i.total)})` : ""}`
    const totals = TOTALS.filter(([k]) => present(d, k)).map(([k, label]) => [label, m(d[k])])
    return {
      subject: `Your order #${number} is confirmed`,
      heading: `Thank you for your order #${number}`,
      html: html`<p>We have your order. Each seller ships their part separately:</p>
        ${vendors.map(
          (v) =>
            html`<h2 style="font-size:16px;margin:16px 0 4px">${show(v.vendor_name)}</h2>
              <ul>
                ${list(v, "items").map((i) => html`<li>${itemLine(i)}</li>`)}
              </ul>
              ${present(v, "subtotal") ? html`<p>Items: ${m(v.subtotal)}</p>` : ""}${present(v, "shipping_total") ? html`<p>Shipping: ${m(v.shipping_total)}</p>` : ""}${present(v, "total") ? html`<p>Total from ${show(v.vendor_name)}: ${m(v.total)}</p>` : ""}`
        )}
        <table role="presentation" cellpadding="4">
          ${totals.map(
            ([label, value]) =>
              html`<tr>
                <td>${label}</td>
                <td align="right"><strong>${value}</strong></td>
              </tr>`
          )}
        </table>
        ${button(d.order_url, "View your order")}`,
      text: [
        "We have your order. Each seller ships their part separately:",
        ...vendors.map((v) =>
          [
            show(v.vendor_name),
            ...list(v, "items").map((i) => `- ${itemLine(i)}`),
            present(v, "subtotal") ? `Items: ${m(v.subtotal)}` : "",
            present(v, "shipping_total") ? `Shipping: ${m(v.shipping_total)}` : "",
            present(v, "total") ? `Total from ${show(v.vendor_name)}: ${m(v.total)}` : "",
          ]
            .filter(Boolean)
            .join("\n")
        ),
        totals.map(([label, value]) => `${label}: ${value}`).join("\n"),
        textLink(d.order_url, "View your order"),
      ]
        .filter(Boolean)
        .join("\n\n"),
      sms: `Order #${number} confirmed${present(d, "total") ? `: ${m(d.total)}` : ""}.`,
    }
  },
}
