import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaResponse } from "@medusajs/framework/http"
import { buildInvoice } from "./document"
import { readInvoiceInput } from "./read"
import { renderInvoicePdf } from "./render"

export { buildInvoice, invoiceAmount, invoiceNumber, InvoiceMismatchError } from "./document"
export type { Invoice, InvoiceInput } from "./document"
export { renderInvoicePdf } from "./render"
export { invoicePayment, readInvoiceInput } from "./read"

/** An order's invoice as a PDF and its file name (404 for no such order). */
export async function orderInvoicePdf(scope: MedusaContainer, orderId: string): Promise<{ filename: string; pdf: Buffer }> {
  const invoice = buildInvoice(await readInvoiceInput(scope, orderId))
  return { filename: invoice.filename, pdf: renderInvoicePdf(invoice) }
}

/** Sends an order's invoice as a PDF download. */
export async function sendOrderInvoice(scope: MedusaContainer, orderId: string, res: MedusaResponse) {
  const { filename, pdf } = await orderInvoicePdf(scope, orderId)
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`)
  res.setHeader("Content-Length", String(pdf.length))
  res.setHeader("Cache-Control", "private, no-store")
  res.status(200).end(pdf)
}
