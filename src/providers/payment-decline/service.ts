import crypto from "crypto"
import { AbstractPaymentProvider, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"

/**
 * A payment provider that never authorizes: a hard decline (status
 * `error`, as for a declined card) or `requires_more` (as for a card that
 * needs 3-D Secure). Registered only for tests (NODE_ENV=test or
 * LILIUM_TEST_PAYMENT_PROVIDERS=true, medusa-config.ts) as
 * `pp_decline_decline`, so the checkout's failure path can be exercised
 * through the Store API exactly as a shopper hits it.
 */
export default class DeclinePaymentProvider extends AbstractPaymentProvider {
  static identifier = "decline"

  constructor(container: Record<string, unknown>, options: Record<string, unknown> = {}) {
    super(container, options)
  }

  /** `data.outcome` on the session picks the answer: "error" (a hard decline, the default) or "requires_more" (e.g. 3-D Secure). */
  async initiatePayment(input: any) {
    return { id: crypto.randomUUID(), data: { outcome: input?.data?.outcome === "requires_more" ? "requires_more" : "error" } }
  }
  async authorizePayment(input: any) {
    const status = input?.data?.outcome === "requires_more" ? PaymentSessionStatus.REQUIRES_MORE : PaymentSessionStatus.ERROR
    return { status, data: { ...input?.data, declined: true, reason: "card_declined" } }
  }
  async getPaymentStatus(_input: any) {
    return { status: PaymentSessionStatus.ERROR }
  }
  async retrievePayment(_input: any) {
    return { data: {} }
  }
  async updatePayment(_input: any) {
    return { data: {} }
  }
  async deletePayment(_input: any) {
    return { data: {} }
  }
  async capturePayment(_input: any): Promise<any> {
    throw new Error("A declined payment cannot be captured.")
  }
  async refundPayment(_input: any): Promise<any> {
    throw new Error("A declined payment cannot be refunded.")
  }
  async cancelPayment(_input: any) {
    return { data: {} }
  }
  async getWebhookActionAndData(_data: any) {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}
