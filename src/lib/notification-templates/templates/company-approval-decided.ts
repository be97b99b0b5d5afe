import { button, html, money, str, textLink } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * company-approval-decided: the employee who asked hears the approver's decision on their cart.
 * Sender: src/subscribers/company-approval-decided-notification.ts (event company_approval.decided).
 * data:
 * - status: "approved" | "rejected"
 * - approver_name (name or e-mail), note (may be empty)
 * - cart_total, currency_code
 * - cart_url: the storefront's cart or checkout page
 */
export const companyApprovalDecided: NotificationTemplate = {
  name: "company-approval-decided",
  category: "orders",
  example: {
    status: "approved",
    approver_name: "Carla Approver",
    note: "Fine for Q4.",
    cart_total: 1249.9,
    currency_code: "eur",
    cart_url: "https://shop.example.com/checkout",
  },
  build: (d, { locale }) => {
    const amount = money(d.cart_total, d.currency_code, locale)
    const approved = str(d, "status") === "approved"
    const who = str(d, "approver_name")
    const note = str(d, "note")
    const title = approved ? `Your cart of ${amount} is approved` : `Your cart of ${amount} was not approved`
    const what = approved
      ? `${who} approved your cart. You can complete the order now; changing the cart needs a new approval.`
      : `${who} rejected your cart. You can change it and ask again.`
    return {
      subject: title,
      heading: title,
      html: html`<p>${what}</p>
        ${note ? html`<p>Note: ${note}</p>` : ""} ${button(d.cart_url, approved ? "Complete the order" : "Open the cart")}`,
      text: [what, note ? `Note: ${note}` : "", textLink(d.cart_url, approved ? "Complete the order" : "Open the cart")]
        .filter(Boolean)
        .join("\n\n"),
      sms: `${title}.${note ? ` Note: ${note}` : ""}`,
    }
  },
}
