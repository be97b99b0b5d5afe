import { button, html, record, show, str, textLink, when, type Data } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * payout-account-changed: where the vendor is paid changed. To every owner,
 * so that one who did not make the change can stop it before it takes effect.
 * Sender: src/subscribers/payout-account-changed-notification.ts (event payout_account.changed).
 * data:
 * - vendor_id, vendor_name
 * - first: true when the vendor had no payout account before
 * - changed_at: ISO time; changed_by: the member's e-mail or null
 * - active_from: ISO time from which payouts go there, or null (at once)
 * - previous, current: { provider, external_id, details } (IBANs already masked), previous may be null
 * - settings_url: the payout settings in the vendor panel
 * Security mail: it is the alarm for a hijacked account.
 */
function destination(dest: Data | null): string {
  if (!dest) return "none"
  const details = record(dest, "details") ?? {}
  if (show(dest.provider) === "manual") {
    const holder = show(details.account_holder)
    return `bank transfer to ${show(details.iban) || "an IBAN"}${holder ? ` (${holder})` : ""}`
  }
  return `${show(dest.provider)} account ${show(dest.external_id)}`.trim()
}

export const payoutAccountChanged: NotificationTemplate = {
  name: "payout-account-changed",
  category: "security",
  example: {
    vendor_id: "vendor_1",
    vendor_name: "Alpha Tools",
    first: false,
    changed_at: "2026-12-01T10:00:00.000Z",
    changed_by: "owner@alpha.example",
    active_from: "2026-12-03T10:00:00.000Z",
    previous: { provider: "manual", external_id: null, details: { account_holder: "Alpha GmbH", iban: "DE89 •••• 3000", bic: null } },
    current: { provider: "stripe-connect", external_id: "acct_123", details: {} },
    settings_url: "https://vendors.example.com/settings/payouts",
  },
  build: (d) => {
    const vendor = str(d, "vendor_name")
    const by = str(d, "changed_by") || "someone on your team"
    const from = when(d.active_from)
    const lines = [
      d.first === true
        ? `${by} set up where ${vendor} is paid on ${when(d.changed_at)}.`
        : `${by} changed where ${vendor} is paid on ${when(d.changed_at)}.`,
      d.first === true ? "" : `Before: ${destination(record(d, "previous"))}`,
      `Now: ${destination(record(d, "current"))}`,
      from
        ? `Payouts go to the new destination from ${from}. If you did not expect this change, stop it before then in the payout settings.`
        : "",
    ].filter(Boolean)
    return {
      subject: `${vendor}: the payout account was changed`,
      heading: "Your payout account was changed",
      html: html`${lines.map((l) => html`<p>${l}</p>`)} ${button(d.settings_url, "Check the payout settings")}`,
      text: [...lines, textLink(d.settings_url, "Check the payout settings")].join("\n\n"),
      sms: `${vendor}: the payout account was changed by ${by}.${from ? ` Effective ${from}.` : ""}`,
    }
  },
}
