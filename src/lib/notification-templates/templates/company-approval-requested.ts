import { button, html, money, str, textLink } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * company-approval-requested: an approver or admin of a company hears that an employee asks for a cart's approval.
 * Sender: src/subscribers/company-approval-requested-notification.ts (event company_approval.requested).
 * data:
 * - company_name, requester_name (name or e-mail)
 * - cart_total, currency_code: the cart as it was asked for
 * - approvals_url: the storefront's approvals page
 */
export const companyApprovalRequested: NotificationTemplate = {
  name: "company-approval-requested",
  category: "orders",
  example: {
    company_name: "Acme Procurement GmbH",
    requester_name: "Ben Buyer",
    cart_total: 1249.9,
    currency_code: "eur",
    approvals_url: "https://shop.example.com/account/company/approvals",
  },
  build: (d, { locale }) => {
    const amount = money(d.cart_total, d.currency_code, locale)
    const who = str(d, "requester_name")
    return {
      subject: `${who} asks you to approve an order of ${amount}`,
      heading: "A cart waits for your approval",
      html: html`<p><strong>${who}</strong> asks for approval of a cart of <strong>${amount}</strong> for ${str(d, "company_name")}.</p>
        ${button(d.approvals_url, "Review the request")}`,
      text: [
        `${who} asks for approval of a cart of ${amount} for ${str(d, "company_name")}.`,
        textLink(d.approvals_url, "Review the request"),
      ].join("\n\n"),
      sms: `${who} asks you to approve a cart of ${amount}.`,
    }
  },
}
