import { html, str } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * password-changed: the account's password was changed or reset, and every
 * other session was signed out (auth.password_changed). A security notice:
 * it is how the owner learns of a change they did not make.
 * data:
 * - reason: "change" (signed in, with the current password) or "reset" (with an e-mailed link)
 * - actor_type: customer, vendor or user
 */
export const passwordChanged: NotificationTemplate = {
  name: "password-changed",
  category: "security",
  example: { reason: "change", actor_type: "customer" },
  build: (d, { marketplace }) => {
    const how = str(d, "reason") === "reset" ? "reset with a link sent to this address" : "changed while signed in"
    const lines = [
      `The password of your ${marketplace} account was ${how}. Every other session has been signed out.`,
      `If this was not you, reset your password now from the sign-in page, and tell the ${marketplace} team.`,
    ]
    return {
      subject: `Your ${marketplace} password was changed`,
      heading: "Your password was changed",
      html: html`<p>${lines[0]}</p>
        <p>${lines[1]}</p>`,
      text: lines.join("\n\n"),
    }
  },
}
