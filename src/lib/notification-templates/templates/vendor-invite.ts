import { button, html, str, textLink } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * vendor-invite: someone is invited to join a vendor's team.
 * Sender: src/subscribers/vendor-invite-notification.ts (event vendor.invite_created).
 * data:
 * - vendor_name: the vendor's name
 * - role: the member role offered (owner, admin, orders, catalog, finance)
 * - accept_url: the vendor panel's accept page, with the one-time token
 * Security mail: the link is a credential, and the invitee has no preferences yet.
 */
export const vendorInvite: NotificationTemplate = {
  name: "vendor-invite",
  category: "security",
  secrets: ["accept_url"],
  example: { vendor_name: "Alpha Tools", role: "finance", accept_url: "https://vendors.example.com/invite?token=abc" },
  build: (d, { marketplace }) => {
    const vendor = str(d, "vendor_name")
    const role = str(d, "role")
    return {
      subject: `You are invited to join ${vendor} on ${marketplace}`,
      heading: `Join ${vendor} on ${marketplace}`,
      html: html`<p>You have been invited to join <strong>${vendor}</strong> as <strong>${role}</strong>.</p>
        ${button(d.accept_url, "Accept the invitation")}
        <p>The link works once and expires in a few days. If you did not expect this invitation, ignore this e-mail.</p>`,
      text: [
        `You have been invited to join ${vendor} as ${role}.`,
        textLink(d.accept_url, "Accept the invitation"),
        "The link works once and expires in a few days. If you did not expect this invitation, ignore this e-mail.",
      ].join("\n\n"),
    }
  },
}
