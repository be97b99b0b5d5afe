import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { splitOrderByVendorWorkflow } from "../workflows/vendor-order/workflows/split-order-by-vendor"

/**
 * Orders created by other paths than the storefront checkout (draft orders,
 * orders the operator creates) are split here. For checkout orders the split
 * already ran in the complete request, so this finds them split and does
 * nothing: the split is idempotent.
 */
export default async function orderPlacedVendorSplit({ event, container }: SubscriberArgs<{ id: string }>) {
  // A failed split throws (and is compensated); a failed customer link does
  // not fail the run (see the workflow) and is only logged here.
  const { errors } = await splitOrderByVendorWorkflow(container).run({ input: { order_id: event.data.id } })
  for (const e of errors ?? []) {
    container.resolve("logger").warn(`[lilium] order ${event.data.id}: ${e.action} failed: ${e.error?.message ?? e.error}`)
  }
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "lilium-vendor-split" } }
