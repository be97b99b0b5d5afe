import { z } from "@medusajs/framework/zod"
import { findParams } from "../../utils/validation"

export const INVOICE_LIST_STATUSES = ["open", "paid", "overdue", "void"] as const

/**
 * GET /admin/invoices: status (open — including overdue ones —, paid,
 * overdue = open and past its due date, void), company_id, offset, limit
 * (≤ 100) and fields (allow-list in helpers.ts). Oldest due first.
 */
export const AdminListInvoices = findParams({ limit: 20, offset: 0 })
  .extend({
    status: z.enum(INVOICE_LIST_STATUSES).optional(),
    company_id: z.string().trim().min(1).max(100).optional(),
  })
  .omit({ with_deleted: true, order: true })
  .strict()
export type AdminListInvoicesType = z.infer<typeof AdminListInvoices>

/** POST /admin/orders/:id/mark-invoice-paid: the payment's reference (bank transfer id, statement line). */
export const AdminMarkInvoicePaid = z
  .object({
    reference: z.string().trim().min(1, "reference is required: the bank transfer's or statement's reference").max(200),
  })
  .strict()
export type AdminMarkInvoicePaidType = z.infer<typeof AdminMarkInvoicePaid>

/** GET /admin/analytics/invoices takes no parameters. */
export const AdminInvoiceAnalytics = z.object({}).strict()
