import { button, html, money, str, textLink } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * payout-failed: a payout could not be made. To the vendor's owners and finance members.
 * Sender: src/subscribers/payout-notification.ts (event payout.failed).
 * data: as payout-paid (vendor_name, payout_id, amount, currency_code, provider,
 * reference, payouts_url), with failure_reason: why it failed.
 */
export const payoutFailed: NotificationTemplate = {
  name: "payout-failed",
  category: "payouts",
  example: {
    vendor_name: "Alpha Tools",
    payout_id: "payout_1",
    amount: 80,
    currency_code: "usd",
    provider: "stripe-connect",
    reference: null,
    failure_reason: "The bank refused the transfer",
    payouts_url: "https://vendors.example.com/payouts/payout_1",
  },
  build: (d, { locale }) => {
    const amount = money(d.amount, d.currency_code, locale)
    const reason = str(d, "failure_reason")
    return {
      subject: `Payout of ${amount} to ${str(d, "vendor_name")} failed`,
      heading: `The payout of ${amount} failed`,
      html: html`<p>
          We could not pay out <strong>${amount}</strong> to ${str(d, "vendor_name")}. The amount stays in your balance until it is paid out
          again.
        </p>
        ${reason ? html`<p>Reason: ${reason}</p>` : ""} ${button(d.payouts_url, "See the payout")}`,
      text: [
        `We could not pay out ${amount} to ${str(d, "vendor_name")}. The amount stays in your balance until it is paid out again.`,
        reason ? `Reason: ${reason}` : "",
        textLink(d.payouts_url, "See the payout"),
      ]
        .filter(Boolean)
        .join("\n\n"),
    }
  },
}
