import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { splitOrderByVendorWorkflow } from "../workflows/vendor-order/workflows/split-order-by-vendor"

/**
 * Orders created by other paths than the storefront checkout (draft orders,
 * orders the operator creates) are split here. For checkout orders the split
 * already ran in the complete request, so this finds them split and does
 * nothing: the split is idempotent.
 */
export default async function orderPlacedVendorSplit({ event, container }: SubscriberArgs<{ id: string }>) {
  await splitOrderByVendorWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "lilium-vendor-split" } }
