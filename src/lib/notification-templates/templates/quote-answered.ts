import { button, html, money, show, str, textLink, when } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * quote-answered: the buyer hears that a vendor quoted (or declined) its part of a quote.
 * Sender: src/subscribers/quote-answered-notification.ts (events vendor_quote.answered, vendor_quote.declined).
 * data:
 * - vendor_name
 * - outcome: "quoted" | "declined"
 * - total, currency_code: the quoted total of the vendor's lines (quoted only)
 * - valid_until: ISO date the prices hold until (quoted only)
 * - reason: why the vendor declined (declined only); message: the vendor's note
 * - quote_url: the quote on the storefront
 */
export const quoteAnswered: NotificationTemplate = {
  name: "quote-answered",
  category: "orders",
  example: {
    vendor_name: "Alpha Tools",
    outcome: "quoted",
    total: 1800,
    currency_code: "eur",
    valid_until: "2026-12-31T00:00:00.000Z",
    message: "Free delivery from 200 pieces.",
    quote_url: "https://shop.example.com/account/quotes/quo_1",
  },
  build: (d, { locale }) => {
    const declined = d.outcome === "declined"
    const vendor = str(d, "vendor_name")
    const line = declined
      ? `${vendor} declined your request for quote: ${str(d, "reason")}`
      : `${vendor} quoted ${money(d.total, d.currency_code, locale)}, valid until ${when(d.valid_until)}.`
    const note = str(d, "message")
    return {
      subject: declined ? `${vendor} declined your quote request` : `${vendor} sent you a quote`,
      heading: declined ? "A vendor declined" : "You have a quote",
      html: html`<p>${line}</p>
        ${note ? html`<p>“${note}”</p>` : ""} ${button(d.quote_url, "Open the quote")}`,
      text: [line, note ? `“${note}”` : "", textLink(d.quote_url, "Open the quote")].filter(Boolean).join("\n\n"),
      sms: `${line} ${show(d.quote_url)}`.trim(),
    }
  },
}
