import { button, html, show, str, textLink } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * back-in-stock: a product the customer asked about can be bought again (stock alert).
 * data:
 * - product_title, variant_title (optional), variant_id
 * - product_url: the product in the storefront
 */
export const backInStock: NotificationTemplate = {
  name: "back-in-stock",
  category: "stock_alerts",
  example: {
    product_title: "Alpha Box",
    variant_title: "Large",
    variant_id: "variant_1",
    product_url: "https://shop.example.com/products/alpha-box",
  },
  build: (d) => {
    const name = [str(d, "product_title"), str(d, "variant_title")].filter(Boolean).join(" – ")
    return {
      subject: `${name} is back in stock`,
      heading: `${name} is back in stock`,
      html: html`<p>Good news: <strong>${name}</strong> can be ordered again, while stock lasts.</p>
        ${button(d.product_url, "See the product")}`,
      text: [`Good news: ${name} can be ordered again, while stock lasts.`, textLink(d.product_url, "See the product")].join("\n\n"),
      sms: `${name} is back in stock. ${show(d.product_url)}`.trim(),
    }
  },
}
