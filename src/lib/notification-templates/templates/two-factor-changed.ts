import { html, str } from "../layout"
import type { NotificationTemplate } from "../types"

const WHAT: Record<string, string> = {
  enabled: "Two-factor authentication was turned on",
  disabled: "Two-factor authentication was turned off",
  recovery_codes: "New two-factor recovery codes were made (the earlier ones no longer work)",
}

/**
 * two-factor-changed: the account's 2FA changed (Medusa's auth.mfa_enabled,
 * auth.mfa_disabled, auth.mfa_recovery_codes_generated). A security notice,
 * so that a change someone else made is seen.
 * data:
 * - change: enabled, disabled or recovery_codes
 */
export const twoFactorChanged: NotificationTemplate = {
  name: "two-factor-changed",
  category: "security",
  example: { change: "enabled" },
  build: (d, { marketplace }) => {
    const what = WHAT[str(d, "change")] ?? "Your two-factor authentication settings changed"
    const lines = [
      `${what} on your ${marketplace} account.`,
      `If this was not you, reset your password now from the sign-in page, and tell the ${marketplace} team.`,
    ]
    return {
      subject: `${marketplace}: ${what
        .split(" (")[0]
        .toLowerCase()
        .replace(/^./, (c) => c.toUpperCase())}`,
      heading: "Your sign-in security changed",
      html: html`<p>${lines[0]}</p>
        <p>${lines[1]}</p>`,
      text: lines.join("\n\n"),
    }
  },
}
