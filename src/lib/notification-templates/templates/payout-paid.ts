import { button, html, money, str, textLink } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * payout-paid: a payout reached the vendor. To its owners and finance members.
 * Sender: src/subscribers/payout-notification.ts (event payout.paid).
 * data:
 * - vendor_name, payout_id
 * - amount, currency_code: the payout (number, numeric string or BigNumber; or preformatted)
 * - provider: manual or stripe-connect
 * - reference: the provider's reference, or null
 * - failure_reason: null
 * - payouts_url: the payout in the vendor panel
 */
export const payoutPaid: NotificationTemplate = {
  name: "payout-paid",
  category: "payouts",
  example: {
    vendor_name: "Alpha Tools",
    payout_id: "payout_1",
    amount: "1234.5",
    currency_code: "eur",
    provider: "manual",
    reference: "SEPA-2026-12",
    failure_reason: null,
    payouts_url: "https://vendors.example.com/payouts/payout_1",
  },
  build: (d, { locale }) => {
    const amount = money(d.amount, d.currency_code, locale)
    const reference = str(d, "reference")
    return {
      subject: `Payout of ${amount} sent to ${str(d, "vendor_name")}`,
      heading: `${amount} is on its way`,
      html: html`<p>We paid out <strong>${amount}</strong> to ${str(d, "vendor_name")} (${str(d, "provider")}).</p>
        ${reference ? html`<p>Reference: ${reference}</p>` : ""} ${button(d.payouts_url, "See the payout")}`,
      text: [
        `We paid out ${amount} to ${str(d, "vendor_name")} (${str(d, "provider")}).`,
        reference ? `Reference: ${reference}` : "",
        textLink(d.payouts_url, "See the payout"),
      ]
        .filter(Boolean)
        .join("\n\n"),
    }
  },
}
