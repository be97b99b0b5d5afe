import { html, money, str } from "../layout"
import type { NotificationTemplate } from "../types"

/**
 * invoice-overdue: a company's admins hear that an invoice (an order placed on payment terms) is past its due date.
 * Sender: src/workflows/invoice/workflows/send-invoice-reminders.ts (daily job src/jobs/send-invoice-reminders.ts),
 * at most once per INVOICE_REMINDER_INTERVAL_DAYS per invoice.
 * data:
 * - company_name, order_display_id
 * - amount_due, currency_code: what is still owed (the total less credits)
 * - due_date: the ISO date it was due; days_overdue: whole days since
 */
export const invoiceOverdue: NotificationTemplate = {
  name: "invoice-overdue",
  category: "orders",
  example: {
    company_name: "Acme Procurement GmbH",
    order_display_id: 1042,
    amount_due: 1249.9,
    currency_code: "eur",
    due_date: "2026-11-30",
    days_overdue: 3,
  },
  build: (d, { locale }) => {
    const amount = money(d.amount_due, d.currency_code, locale)
    const order = `#${str(d, "order_display_id")}`
    const due = str(d, "due_date")
    const days = str(d, "days_overdue")
    return {
      subject: `Invoice for order ${order} is overdue: ${amount}`,
      heading: "An invoice is overdue",
      html: html`<p>
          The invoice for order <strong>${order}</strong> of ${str(d, "company_name")} was due on ${due} (${days} days ago).
          <strong>${amount}</strong> is still open.
        </p>
        <p>Please pay it, or tell us if it has been paid already.</p>`,
      text: [
        `The invoice for order ${order} of ${str(d, "company_name")} was due on ${due} (${days} days ago). ${amount} is still open.`,
        "Please pay it, or tell us if it has been paid already.",
      ].join("\n\n"),
      sms: `Invoice for order ${order} (${amount}) is overdue since ${due}.`,
    }
  },
}
