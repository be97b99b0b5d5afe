import crypto from "crypto"
import { AbstractPaymentProvider, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"

/**
 * A payment provider that declines every authorization, as a card network
 * does with a declined card. Registered only for tests (NODE_ENV=test or
 * LILIUM_TEST_PAYMENT_PROVIDERS=true, medusa-config.ts) as
 * `pp_decline_decline`, so the checkout's failure path can be exercised
 * through the Store API exactly as a shopper hits it.
 */
export default class DeclinePaymentProvider extends AbstractPaymentProvider {
  static identifier = "decline"

  async initiatePayment(_input: any) {
    return { id: crypto.randomUUID(), data: {} }
  }
  async authorizePayment(_input: any) {
    return { status: PaymentSessionStatus.ERROR, data: { declined: true, reason: "card_declined" } }
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
