import { button, html, textLink } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * email-verification: confirm that the address belongs to the account.
 * data:
 * - verify_url: the confirmation link with its token
 */
export const emailVerification: NotificationTemplate = {
  name: "email-verification",
  category: "security",
  secrets: ["verify_url"],
  example: { verify_url: "https://shop.example.com/verify-email?token=abc" },
  build: (d, { marketplace }) => ({
    subject: `Confirm your e-mail address for ${marketplace}`,
    heading: "Confirm your e-mail address",
    html: html`<p>Please confirm that this address is yours.</p>
      ${button(d.verify_url, "Confirm the address")}
      <p>If you did not sign up at ${marketplace}, ignore this e-mail.</p>`,
    text: [
      "Please confirm that this address is yours.",
      textLink(d.verify_url, "Confirm the address"),
      `If you did not sign up at ${marketplace}, ignore this e-mail.`,
    ].join("\n\n"),
  }),
}
