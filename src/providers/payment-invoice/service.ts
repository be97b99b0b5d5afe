import crypto from "crypto"
import { AbstractPaymentProvider, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"

/**
 * Payment by invoice for buying companies (issue 19), as Medusa payment
 * provider `invoice` → `pp_invoice_invoice`. No card and no money moves
 * here: the provider is bookkeeping.
 * - authorize: the order is placed on account (`authorized`, nothing charged);
 * - capture: the company has paid the invoice — only
 *   `POST /admin/orders/:id/mark-invoice-paid` captures, for the amount due;
 * - refund: money of a paid invoice given back (outside Lilium: a bank transfer);
 * - cancel: the invoice is withdrawn (a new one is authorized when an order
 *   edit or a return lowers what is owed).
 * Who may use it is Lilium's rule, not the provider's: employees of an
 * active company whose payment terms are not prepaid, within its credit
 * limit (src/api/store/payment-invoice, the checkout's company step).
 */
export default class InvoicePaymentProvider extends AbstractPaymentProvider {
  static identifier = "invoice"

  constructor(container: Record<string, unknown>, options: Record<string, unknown> = {}) {
    super(container, options)
  }

  async initiatePayment(_input: any) {
    return { id: `inv_${crypto.randomUUID()}`, data: { method: "invoice" } }
  }
  async authorizePayment(input: any) {
    return { status: PaymentSessionStatus.AUTHORIZED, data: { ...(input?.data ?? {}), method: "invoice" } }
  }
  async getPaymentStatus(_input: any) {
    return { status: PaymentSessionStatus.AUTHORIZED }
  }
  async retrievePayment(input: any) {
    return { data: input?.data ?? {} }
  }
  async updatePayment(input: any) {
    return { data: input?.data ?? {} }
  }
  async deletePayment(input: any) {
    return { data: input?.data ?? {} }
  }
  async capturePayment(input: any) {
    return { data: { ...(input?.data ?? {}), paid: true } }
  }
  async refundPayment(input: any) {
    return { data: input?.data ?? {} }
  }
  async cancelPayment(input: any) {
    return { data: input?.data ?? {} }
  }
  async getWebhookActionAndData(_data: any) {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}
