import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { rawAmount, type WithAmount } from "../../../lib/money"
import { INVOICE_PAYMENT_PROVIDER } from "../../../lib/invoice-terms"

export type OrderPayment = {
  id: string
  /** The authorized amount. */
  amount: string
  captured: string
  refunded: string
  is_captured: boolean
  provider_id: string
  /**
   * An invoice payment (pp_invoice_invoice) that nothing was captured on yet:
   * the company has not paid. It is captured only by mark-invoice-paid;
   * refunds meanwhile are credits on the invoice (issue 19).
   */
  invoice_open: boolean
}

/**
 * The master order's payment that vendor refunds come from: the one live
 * payment (a checkout makes one), with what is authorized, captured and
 * refunded on it. Read under the order's payment lock by every flow that
 * captures or refunds. An invoice payment counts as captured once
 * mark-invoice-paid captured the amount due (which credits may have made
 * less than the authorized amount): what it can give back is what was paid.
 */
export const findOrderPaymentStep = createStep("find-order-payment", async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "payment_collections.payments.id",
      "payment_collections.payments.provider_id",
      "payment_collections.payments.amount",
      "payment_collections.payments.raw_amount",
      "payment_collections.payments.canceled_at",
      "payment_collections.payments.captures.raw_amount",
      "payment_collections.payments.refunds.raw_amount",
    ],
    filters: { id: input.order_id },
  })
  const payments = (data[0]?.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? []).filter((p: any) => p && !p.canceled_at)
  const payment = payments[0]
  if (!payment) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${input.order_id} has no payment to refund from.`)
  }
  const sum = (rows: WithAmount<"amount">[]) => rows.reduce((a, c) => a.plus(MathBN.convert(rawAmount(c, "amount"))), MathBN.convert(0))
  const captured = sum(payment.captures ?? [])
  const refunded = sum(payment.refunds ?? [])
  const amount = MathBN.convert(rawAmount(payment, "amount"))
  const isInvoice = payment.provider_id === INVOICE_PAYMENT_PROVIDER
  return new StepResponse<OrderPayment>({
    id: payment.id as string,
    amount: amount.toFixed(),
    captured: captured.toFixed(),
    refunded: refunded.toFixed(),
    is_captured: MathBN.gte(captured, amount) || (isInvoice && MathBN.gt(captured, 0)),
    provider_id: payment.provider_id as string,
    invoice_open: isInvoice && MathBN.eq(captured, 0),
  })
})
