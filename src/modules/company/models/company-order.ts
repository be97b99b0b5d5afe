import { model } from "@medusajs/framework/utils"
import { Company } from "./company"
import { INVOICE_STATUSES } from "../../../lib/invoice-terms"

/**
 * An order placed by an employee for a company, written by the checkout
 * (complete-marketplace-cart) in the same run that creates the order and
 * while the employee's spending lock is held. It is what spending limits,
 * the company's spend and the company shown on vendor orders read; total is
 * the order's total at placement, in currency_code. Refunds are not stored
 * here: they are read from the vendor orders' refunded totals, which every
 * refund path keeps (the refund gate).
 *
 * An order paid by invoice (pp_invoice_invoice) also carries its invoice:
 * payment_terms and payment_due_at (placed_at + 15/30/60 days) as at
 * placement, invoice_status open → paid (mark-invoice-paid) or void
 * (nothing left to pay), amount_due = total − amount_credited (refunds made
 * while the invoice is open are credits: no money was paid, so none is
 * refunded), paid_at and payment_reference when paid, reminded_at of the
 * last overdue reminder. All null for an order paid otherwise.
 */
export const CompanyOrder = model
  .define("company_order", {
    id: model.id({ prefix: "cord" }).primaryKey(),
    employee_id: model.text(),
    customer_id: model.text(),
    order_id: model.text(),
    cart_id: model.text(),
    currency_code: model.text(),
    total: model.bigNumber(),
    placed_at: model.dateTime(),
    payment_terms: model.text().nullable(),
    payment_due_at: model.dateTime().nullable(),
    invoice_status: model.enum([...INVOICE_STATUSES]).nullable(),
    amount_due: model.bigNumber().nullable(),
    amount_credited: model.bigNumber().nullable(),
    paid_at: model.dateTime().nullable(),
    payment_reference: model.text().nullable(),
    reminded_at: model.dateTime().nullable(),
    company: model.belongsTo(() => Company, { mappedBy: "orders" }),
  })
  .indexes([
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["employee_id", "placed_at"], where: "deleted_at IS NULL" },
    { on: ["company_id", "placed_at"], where: "deleted_at IS NULL" },
    { on: ["invoice_status", "payment_due_at"], where: "deleted_at IS NULL AND invoice_status IS NOT NULL" },
  ])
