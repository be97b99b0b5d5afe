import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { INVOICE_PAYMENT_PROVIDER } from "../../../lib/invoice-terms"

export const CAPTURE_BY_MARK_PAID =
  "An invoice payment is captured when the company's payment is recorded: use POST /admin/orders/:id/mark-invoice-paid {reference}."

/**
 * Medusa's POST /admin/payments/:id/capture (Medusa Admin's "capture"
 * button) on an invoice payment would mark the money received without the
 * invoice knowing (still open, vendors' money still held, no reference):
 * 400, the operator records the payment with mark-invoice-paid instead.
 */
export async function refuseDirectInvoiceCapture(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const payments: any = req.scope.resolve(Modules.PAYMENT)
    const [payment] = await payments.listPayments({ id: req.params.id }, { select: ["id", "provider_id"], take: 1 })
    if (payment?.provider_id === INVOICE_PAYMENT_PROVIDER) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, CAPTURE_BY_MARK_PAID)
    next()
  } catch (e) {
    next(e)
  }
}
