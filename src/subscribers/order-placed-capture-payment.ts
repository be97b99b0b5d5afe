import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { captureOrderPaymentWorkflow } from "../workflows/vendor-order/workflows/capture-order-payment"

/** Captures the payment of every placed order (see captureOrderPaymentWorkflow for why). */
export default async function orderPlacedCapturePayment({ event, container }: SubscriberArgs<{ id: string }>) {
  await captureOrderPaymentWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "lilium-capture-payment" } }
