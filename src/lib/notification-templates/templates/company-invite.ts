import { button, html, str, textLink } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * company-invite: someone is invited to buy for a company.
 * Sender: src/subscribers/company-invite-notification.ts (event company.invite_created).
 * data:
 * - company_name: the company's name
 * - role: the role offered (admin, approver, buyer)
 * - accept_url: the storefront's accept page, with the one-time token
 * Security mail: the link is a credential, and the invitee may have no account yet.
 */
export const companyInvite: NotificationTemplate = {
  name: "company-invite",
  category: "security",
  secrets: ["accept_url"],
  example: { company_name: "Acme Procurement GmbH", role: "buyer", accept_url: "https://shop.example.com/company-invite?token=abc" },
  build: (d, { marketplace }) => {
    const company = str(d, "company_name")
    const role = str(d, "role")
    return {
      subject: `You are invited to buy for ${company} on ${marketplace}`,
      heading: `Join ${company} on ${marketplace}`,
      html: html`<p>You have been invited to join <strong>${company}</strong> as <strong>${role}</strong>.</p>
        ${button(d.accept_url, "Accept the invitation")}
        <p>
          Sign in (or create your account) with this e-mail address to accept. The link works once and expires in a few days. If you did not
          expect this invitation, ignore this e-mail.
        </p>`,
      text: [
        `You have been invited to join ${company} as ${role}.`,
        textLink(d.accept_url, "Accept the invitation"),
        "Sign in (or create your account) with this e-mail address to accept. The link works once and expires in a few days. If you did not expect this invitation, ignore this e-mail.",
      ].join("\n\n"),
    }
  },
}
