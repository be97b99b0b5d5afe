import { button, html, show, str, textLink } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * password-reset: a link to choose a new password (Medusa's auth.password_reset event).
 * data:
 * - reset_url: the page for the actor (storefront, vendor panel or admin) with `token`
 * - actor_type: customer, vendor or user
 * - expires_in_minutes (optional, default 15: Medusa's fixed token lifetime)
 */
export const passwordReset: NotificationTemplate = {
  name: "password-reset",
  category: "security",
  secrets: ["reset_url"],
  example: { reset_url: "https://shop.example.com/reset-password?token=eyJ", actor_type: "customer", expires_in_minutes: 15 },
  build: (d, { marketplace }) => {
    const minutes = show(d.expires_in_minutes ?? 15)
    const where = { vendor: " for the vendor panel", user: " for the admin" }[str(d, "actor_type")] ?? ""
    return {
      subject: `Reset your ${marketplace} password`,
      heading: "Reset your password",
      html: html`<p>Someone asked to reset the password of this account${where}. The link works once, for ${minutes} minutes.</p>
        ${button(d.reset_url, "Choose a new password")}
        <p>If this was not you, ignore this e-mail: your password stays as it is.</p>`,
      text: [
        `Someone asked to reset the password of this account${where}. The link works once, for ${minutes} minutes.`,
        textLink(d.reset_url, "Choose a new password"),
        "If this was not you, ignore this e-mail: your password stays as it is.",
      ].join("\n\n"),
    }
  },
}
