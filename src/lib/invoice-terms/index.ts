/**
 * Payment by invoice (issue 19): the payment provider's id and what a
 * company's payment terms mean. A leaf (no imports): the provider, the
 * checkout, the routes and the job read the same constants.
 */

/** Medusa's id of Lilium's invoice payment provider (`src/providers/payment-invoice`, registered with id "invoice"). */
export const INVOICE_PAYMENT_PROVIDER = "pp_invoice_invoice"

/** Days to pay per payment term; `prepaid` companies do not pay by invoice. */
export const TERMS_DAYS = { net_15: 15, net_30: 30, net_60: 60 } as const
export type InvoiceTerms = keyof typeof TERMS_DAYS

/** Whether a company's payment terms allow paying by invoice (anything but prepaid). */
export function paysByInvoice(terms: string | null | undefined): terms is InvoiceTerms {
  return !!terms && Object.prototype.hasOwnProperty.call(TERMS_DAYS, terms)
}

/** When an invoice placed at `placedAt` under `terms` is due: placed_at + 15/30/60 days (calendar days, to the millisecond). */
export function paymentDueAt(placedAt: Date, terms: InvoiceTerms): Date {
  return new Date(placedAt.getTime() + TERMS_DAYS[terms] * 86_400_000)
}

export const INVOICE_STATUSES = ["open", "paid", "void"] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

/** Days between two reminder e-mails for one overdue invoice. */
export const INVOICE_REMINDER_INTERVAL_DAYS = 7
