import { html, show, str } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * otp-code: a one-time sign-in code, by e-mail or SMS.
 * data:
 * - code: the 6-digit code
 * - expires_in_minutes: how long it works (10)
 */
export const otpCode: NotificationTemplate = {
  name: "otp-code",
  category: "security",
  secrets: ["code"],
  example: { code: "123456", expires_in_minutes: 10 },
  build: (d, { marketplace }) => {
    const code = str(d, "code")
    const minutes = show(d.expires_in_minutes ?? 10)
    return {
      subject: `${code} is your ${marketplace} sign-in code`,
      heading: "Your sign-in code",
      html: html`<p>Your code is</p>
        <p style="font-size:28px;font-weight:700;letter-spacing:4px">${code}</p>
        <p>It works once, for ${minutes} minutes. Never share it: ${marketplace} will never ask you for it.</p>`,
      text: [
        `Your code is ${code}`,
        `It works once, for ${minutes} minutes. Never share it: ${marketplace} will never ask you for it.`,
      ].join("\n\n"),
      sms: `${code} is your ${marketplace} code. It expires in ${minutes} minutes. Do not share it.`,
    }
  },
}
