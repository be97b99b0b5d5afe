import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reconcileOrderRefundsWorkflow } from "../workflows/vendor-order/workflows/reconcile-order-refunds"

/**
 * A refund made anywhere (Medusa Admin's refund, a native return) reaches
 * the vendors' ledgers: the order's unattributed refunds are spread over
 * its vendor orders. Lilium's own vendor refunds are already attributed and
 * are found so.
 */
export default async function paymentRefundedReconcile({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "payment", fields: ["id", "payment_collection.order.id"], filters: { id: event.data.id } })
  const orderId = data[0]?.payment_collection?.order?.id
  if (!orderId) return
  await reconcileOrderRefundsWorkflow(container).run({ input: { order_id: orderId } })
}

export const config: SubscriberConfig = { event: "payment.refunded" }
