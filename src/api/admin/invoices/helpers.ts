import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { rawAmount, roundHalfEven, wholeCount } from "../../../lib/money"

type Row = Record<string, any>

/** The fields an invoice in GET /admin/invoices has; `fields` picks among them. */
export const INVOICE_FIELDS = [
  "id",
  "order_id",
  "display_id",
  "company_id",
  "company",
  "currency_code",
  "total",
  "amount_credited",
  "amount_due",
  "payment_terms",
  "placed_at",
  "payment_due_at",
  "status",
  "paid_at",
  "payment_reference",
  "reminded_at",
]

export const listInvoicesQueryConfig = { defaults: INVOICE_FIELDS, allowed: INVOICE_FIELDS, defaultLimit: 20, isList: true }

const GRAPH_FIELDS = [
  "id",
  "order_id",
  "company_id",
  "currency_code",
  "total",
  "raw_total",
  "amount_due",
  "raw_amount_due",
  "amount_credited",
  "raw_amount_credited",
  "payment_terms",
  "placed_at",
  "payment_due_at",
  "invoice_status",
  "paid_at",
  "payment_reference",
  "reminded_at",
  "order.display_id",
  "company.id",
  "company.name",
  "company.email",
]

const money = (amount: BigNumberInput, currencyCode: string) => roundHalfEven(amount, currencyCode).numeric

/** An invoice's status as the operator reads it: overdue = open and past its due date. */
export function invoiceStatus(row: Row, now: Date): string {
  if (row.invoice_status === "open" && row.payment_due_at && new Date(row.payment_due_at) < now) return "overdue"
  return row.invoice_status
}

export function presentInvoice(row: Row, now: Date) {
  const c = row.currency_code as string
  return {
    id: row.id,
    order_id: row.order_id,
    display_id: row.order?.display_id ?? null,
    company_id: row.company_id,
    company: row.company ? { id: row.company.id, name: row.company.name, email: row.company.email } : null,
    currency_code: c,
    total: money(rawAmount(row, "total"), c),
    amount_credited: money(rawAmount(row, "amount_credited"), c),
    amount_due: money(rawAmount(row, "amount_due"), c),
    payment_terms: row.payment_terms,
    placed_at: row.placed_at,
    payment_due_at: row.payment_due_at,
    status: invoiceStatus(row, now),
    paid_at: row.paid_at ?? null,
    payment_reference: row.payment_reference ?? null,
    reminded_at: row.reminded_at ?? null,
  }
}

/**
 * A page of invoices (orders paid by invoice: company_order rows with an
 * invoice_status), oldest due first. `open` includes overdue ones;
 * `overdue` is open and due before now.
 */
export async function invoicesPage(
  scope: MedusaContainer,
  filter: { status?: string; company_id?: string; order_id?: string },
  page: { offset: number; limit: number },
  now = new Date()
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = { invoice_status: { $ne: null } }
  if (filter.status === "overdue") Object.assign(filters, { invoice_status: "open", payment_due_at: { $lt: now } })
  else if (filter.status) filters.invoice_status = filter.status
  if (filter.company_id) filters.company_id = filter.company_id
  if (filter.order_id) filters.order_id = filter.order_id
  const { data, metadata } = await query.graph({
    entity: "company_order",
    fields: GRAPH_FIELDS,
    filters,
    pagination: { skip: page.offset, take: page.limit, order: { payment_due_at: "ASC", id: "ASC" } },
  })
  return { invoices: (data as Row[]).map((r) => presentInvoice(r, now)), count: wholeCount(metadata?.count ?? data.length) }
}

/** Keeps the requested fields of each invoice (the defaults are all of them). */
export function pickFields<T extends Record<string, unknown>>(rows: T[], fields: string[] | undefined): Partial<T>[] {
  const wanted = (fields?.length ? fields : INVOICE_FIELDS).filter((f) => INVOICE_FIELDS.includes(f))
  return rows.map((r) => Object.fromEntries(wanted.map((f) => [f, r[f]])) as Partial<T>)
}
