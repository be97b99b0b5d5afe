import { button, html, show, str, textLink } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * quote-message: the other side of a quote's thread hears of a new message.
 * Sender: src/subscribers/quote-message-notification.ts (event quote_message.created).
 * data:
 * - author_name: who wrote (the vendor's name, or the buyer's company/name)
 * - body: the message
 * - quote_url: the quote in the vendor panel or on the storefront
 */
export const quoteMessage: NotificationTemplate = {
  name: "quote-message",
  category: "orders",
  example: {
    author_name: "Alpha Tools",
    body: "Can you take 250 instead of 200? Then the price drops to 8.50.",
    quote_url: "https://shop.example.com/account/quotes/quo_1",
  },
  build: (d) => ({
    subject: `New message from ${str(d, "author_name")} on your quote`,
    heading: "A new message on a quote",
    html: html`<p><strong>${str(d, "author_name")}</strong> wrote:</p>
      <p>“${str(d, "body")}”</p>
      ${button(d.quote_url, "Reply")}`,
    text: [`${str(d, "author_name")} wrote:`, `“${str(d, "body")}”`, textLink(d.quote_url, "Reply")].join("\n\n"),
    sms: `${str(d, "author_name")} wrote on your quote. ${show(d.quote_url)}`.trim(),
  }),
}
