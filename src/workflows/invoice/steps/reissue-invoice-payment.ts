import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { INVOICE_PAYMENT_PROVIDER } from "../../../lib/invoice-terms"
import { rawAmount } from "../../../lib/money"

/**
 * After a Medusa order edit or return on an order with an open invoice: a
 * payment collection that is only `authorized` is canceled by Medusa
 * (createOrUpdateOrderPaymentCollectionWorkflow) and a new one opened for
 * what is still owed. A card payment is captured before that happens
 * (composeCaptureIfNeeded); an invoice is not paid yet, so here the new
 * collection gets a new invoice authorization for its amount — the invoice
 * re-issued for less. Nothing when the order still has a live payment or
 * owes nothing. Compensation cancels the payment it made.
 */
export const reissueInvoicePaymentStep = createStep(
  "reissue-invoice-payment",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "customer_id",
        "payment_collections.id",
        "payment_collections.status",
        "payment_collections.amount",
        "payment_collections.raw_amount",
        "payment_collections.currency_code",
        "payment_collections.payments.id",
        "payment_collections.payments.canceled_at",
      ],
      filters: { id: input.order_id },
    })
    const collections = (data[0]?.payment_collections ?? []).filter(Boolean) as any[]
    const live = collections.some((pc) => (pc.payments ?? []).some((p: any) => p && !p.canceled_at))
    const open = collections.find((pc) => pc.status === "not_paid" && MathBN.gt(rawAmount(pc, "amount"), 0))
    if (live || !open) return new StepResponse(null, null)
    const payments: any = container.resolve(Modules.PAYMENT)
    const session = await payments.createPaymentSession(open.id, {
      provider_id: INVOICE_PAYMENT_PROVIDER,
      currency_code: open.currency_code,
      amount: rawAmount(open, "amount"),
      data: {},
    })
    const payment = await payments.authorizePaymentSession(session.id, {})
    return new StepResponse({ payment_id: payment.id as string }, payment.id as string)
  },
  async (paymentId, { container }) => {
    if (!paymentId) return
    const payments: any = container.resolve(Modules.PAYMENT)
    await payments.cancelPayment(paymentId)
  }
)
