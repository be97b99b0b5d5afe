import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createPaymentSessionsWorkflow } from "@medusajs/medusa/core-flows"

/**
 * Nothing on the way in (no query on the checkout's hot path). Its
 * compensation runs after Medusa has compensated a completion that failed
 * after authorizing (for example when the vendor split fails): Medusa
 * cancels the payment but leaves its session `authorized`, so retrying the
 * same complete would place the order on the canceled payment, which can
 * never be captured. Here such a session is replaced by a new one for the
 * same provider, as Medusa's own refundPaymentAndRecreatePaymentSessionWorkflow
 * does for a captured payment; the retry then authorizes afresh.
 */
export const renewCanceledPaymentSessionStep = createStep(
  "renew-canceled-payment-session",
  async (input: { cart_id: string }) => new StepResponse(undefined, input.cart_id),
  async (cartId, { container }) => {
    if (!cartId) return
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: [
        "id",
        "completed_at",
        "customer_id",
        "payment_collection.id",
        "payment_collection.payment_sessions.id",
        "payment_collection.payment_sessions.provider_id",
        "payment_collection.payment_sessions.payment.id",
        "payment_collection.payment_sessions.payment.canceled_at",
      ],
      filters: { id: cartId },
    })
    const cart = data[0]
    if (!cart || cart.completed_at || !cart.payment_collection) return
    const session = (cart.payment_collection.payment_sessions ?? []).find((s) => s?.payment?.canceled_at)
    if (!session) return
    await createPaymentSessionsWorkflow(container).run({
      input: {
        payment_collection_id: cart.payment_collection.id,
        provider_id: session.provider_id,
        customer_id: cart.customer_id ?? undefined,
      },
    })
  }
)
