import { button, html, list, show, str, textLink } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * vendor-quote-requested: a vendor's order handlers hear that a buyer asks for a quote.
 * Sender: src/subscribers/quote-requested-notification.ts (event quote.requested).
 * data:
 * - vendor_name, buyer_name (the buyer's company, else name or e-mail)
 * - items: [{ title, quantity }]: the vendor's lines
 * - message: the buyer's note (may be empty)
 * - quote_url: the quote in the vendor panel
 */
export const vendorQuoteRequested: NotificationTemplate = {
  name: "vendor-quote-requested",
  category: "orders",
  example: {
    vendor_name: "Alpha Tools",
    buyer_name: "Acme Procurement GmbH",
    items: [{ title: "Alpha Box", quantity: 200 }],
    message: "We order monthly; what is your price for 200?",
    quote_url: "https://vendors.example.com/quotes/vquo_1",
  },
  build: (d) => {
    const items = list(d, "items")
    const note = str(d, "message")
    return {
      subject: `${str(d, "buyer_name")} asks ${str(d, "vendor_name")} for a quote`,
      heading: "A request for quote",
      html: html`<p><strong>${str(d, "buyer_name")}</strong> asks for your prices on:</p>
        <ul>
          ${items.map((i) => html`<li>${show(i.quantity)} × ${show(i.title)}</li>`)}
        </ul>
        ${note ? html`<p>“${note}”</p>` : ""} ${button(d.quote_url, "Answer the quote")}`,
      text: [
        `${str(d, "buyer_name")} asks for your prices on:`,
        items.map((i) => `- ${show(i.quantity)} × ${show(i.title)}`).join("\n"),
        note ? `“${note}”` : "",
        textLink(d.quote_url, "Answer the quote"),
      ]
        .filter(Boolean)
        .join("\n\n"),
      sms: `${str(d, "buyer_name")} asks for a quote. ${show(d.quote_url)}`.trim(),
    }
  },
}
