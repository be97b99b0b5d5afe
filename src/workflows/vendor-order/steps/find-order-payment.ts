import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"

/**
 * The master order's payment that vendor refunds come from: the one live
 * payment (a checkout makes one), with whether it is captured yet.
 */
export const findOrderPaymentStep = createStep("find-order-payment", async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "payment_collections.payments.id",
      "payment_collections.payments.amount",
      "payment_collections.payments.canceled_at",
      "payment_collections.payments.captures.amount",
      "payment_collections.payments.refunds.amount",
    ],
    filters: { id: input.order_id },
  })
  const payments = (data[0]?.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? []).filter((p: any) => p && !p.canceled_at)
  const payment = payments[0]
  if (!payment) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${input.order_id} has no payment to refund from.`)
  }
  const captured = (payment.captures ?? []).reduce((a: any, c: any) => MathBN.add(a, c.amount), MathBN.convert(0))
  return new StepResponse({ id: payment.id as string, is_captured: MathBN.gte(captured, payment.amount) })
})
