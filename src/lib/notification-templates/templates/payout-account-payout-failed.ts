import { button, html, str, textLink } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * payout-account-payout-failed: Stripe could not pay the vendor's connected
 * account out to its bank; the money waits in the Stripe balance.
 * Sender: src/subscribers/payout-account-notification.ts (event payout_account.payout_failed).
 * data:
 * - vendor_name
 * - reason: Stripe's failure reason
 * - settings_url: the payout settings in the vendor panel
 */
export const payoutAccountPayoutFailed: NotificationTemplate = {
  name: "payout-account-payout-failed",
  category: "payouts",
  example: { vendor_name: "Alpha Tools", reason: "account_closed", settings_url: "https://vendors.example.com/settings/payouts" },
  build: (d) => ({
    subject: `Action needed: Stripe could not pay ${str(d, "vendor_name")} out to the bank`,
    heading: "Your bank refused a payout",
    html: html`<p>
        Stripe could not move ${str(d, "vendor_name")}'s balance to your bank account. The money is safe in your Stripe balance; please
        check the bank details in Stripe.
      </p>
      <p>Reason: ${str(d, "reason")}</p>
      ${button(d.settings_url, "Open the payout settings")}`,
    text: [
      `Stripe could not move ${str(d, "vendor_name")}'s balance to your bank account. The money is safe in your Stripe balance; please check the bank details in Stripe.`,
      `Reason: ${str(d, "reason")}`,
      textLink(d.settings_url, "Open the payout settings"),
    ].join("\n\n"),
  }),
}
