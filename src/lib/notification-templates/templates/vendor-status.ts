import { button, html, str, textLink } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * Shared shape of the vendor-<action> templates (vendor-approved.ts,
 * vendor-rejected.ts, vendor-suspended.ts, vendor-reinstated.ts).
 * Sender: src/subscribers/vendor-status-notification.ts (events vendor.approved,
 * vendor.rejected, vendor.suspended, vendor.reinstated), to the vendor's e-mail.
 * data:
 * - vendor_id, vendor_name
 * - status: the vendor's new status
 * - reason: the operator's reason, or null
 * - panel_url (optional): the vendor panel
 */
export function vendorStatusTemplate(
  action: string,
  subject: (vendor: string, marketplace: string) => string,
  body: string
): NotificationTemplate {
  return {
    name: `vendor-${action}`,
    category: "account",
    example: {
      vendor_id: "vendor_1",
      vendor_name: "Alpha Tools",
      status: action,
      reason: "Documents checked",
      panel_url: "https://vendors.example.com",
    },
    build: (d, { marketplace }) => {
      const vendor = str(d, "vendor_name")
      const reason = str(d, "reason")
      const line = body.replace("{vendor}", vendor).replace("{marketplace}", marketplace)
      return {
        subject: subject(vendor, marketplace),
        heading: subject(vendor, marketplace),
        html: html`<p>${line}</p>
          ${reason ? html`<p>Reason: ${reason}</p>` : ""} ${button(d.panel_url, "Open the vendor panel")}`,
        text: [line, reason ? `Reason: ${reason}` : "", textLink(d.panel_url, "Open the vendor panel")].filter(Boolean).join("\n\n"),
      }
    },
  }
}
