import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { completeMarketplaceCartWorkflow } from "../../workflows/vendor-order/workflows/complete-marketplace-cart"
import { captureOrderPaymentWorkflow } from "../../workflows/vendor-order/workflows/capture-order-payment"
import { splitOrderByVendorWorkflow } from "../../workflows/vendor-order/workflows/split-order-by-vendor"
import { acceptVendorOrderWorkflow } from "../../workflows/vendor-order/workflows/accept-vendor-order"
import { rejectVendorOrderWorkflow } from "../../workflows/vendor-order/workflows/reject-vendor-order"
import { createVendorFulfillmentWorkflow } from "../../workflows/vendor-order/workflows/create-vendor-fulfillment"
import { createVendorShipmentWorkflow } from "../../workflows/vendor-order/workflows/create-vendor-shipment"
import { markVendorFulfillmentDeliveredWorkflow } from "../../workflows/vendor-order/workflows/mark-vendor-fulfillment-delivered"
import { receiveVendorReturnWorkflow } from "../../workflows/vendor-order/workflows/receive-vendor-return"
import { refundVendorOrderWorkflow } from "../../workflows/vendor-order/workflows/refund-vendor-order"
import type { VendorOrderActor } from "../../workflows/vendor-order/types"
import type { MarketplaceBasics } from "./marketplace-basics"
import type { DemoShop } from "./demo-catalog"
import type { DemoCatalog } from "./demo-vendors"
import type { DemoTimeline } from "./demo-timeline"
import { createReadyCart } from "./checkout"
import { HOUR_MS } from "./demo-clock"

/** What a vendor does with its part of an order; `ship` packs (fulfills) and hands over in one go. */
export type VendorStep =
  | { step: "accept" | "ship" | "deliver"; after_hours: number }
  | { step: "reject"; after_hours: number; reason: string }
  | { step: "return"; after_hours: number; quantity: number; note: string }
  | { step: "refund"; after_hours: number; amount: number; note: string }

export type OrderPlan = {
  at: number
  buyer: { email: string; customer_id: string; address: Record<string, string> }
  /** product handle → quantity */
  lines: Record<string, number>
  /** vendor handle → its steps, hours after the checkout */
  steps: Record<string, VendorStep[]>
  provider_id?: string
}

export type PlacedOrder = { order_id: string; vendor_orders: Record<string, { id: string; line_item_ids: string[] }> }

/**
 * Places demo orders and plays the vendors' parts through the same workflows
 * the Store and vendor APIs run. Each checkout is then captured and split
 * here, synchronously: the `order.placed` subscribers would do the same,
 * but in `medusa exec` they may still be running when the seed's process
 * ends (or, with Redis, wait for a worker), and both workflows are
 * idempotent, so the subscribers find nothing left to do.
 */
export class DemoShopfloor {
  readonly placed: PlacedOrder[] = []
  private vendors = new Map<string, { id: string; actor: VendorOrderActor; option_id: string }>()
  private planned: OrderPlan[] = []
  private carts = new Map<OrderPlan, string>()

  constructor(
    private container: MedusaContainer,
    private basics: MarketplaceBasics,
    private shop: DemoShop
  ) {}

  async load(catalog: DemoCatalog) {
    const query = this.container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: options } = await query.graph({
      entity: "shipping_option",
      fields: ["id", "shipping_profile_id", "rules.attribute", "rules.value"],
    })
    const { data: vendors } = await query.graph({
      entity: "vendor",
      fields: ["id", "handle", "shipping_profile.id", "members.id", "members.role"],
      filters: { id: catalog.vendors.filter((v) => v.status === "active").map((v) => v.id) },
    })
    for (const v of vendors) {
      // The delivery option (approval also made a return option).
      const option = options.find(
        (o: any) =>
          o.shipping_profile_id === v.shipping_profile?.id && !o.rules.some((r: any) => r.attribute === "is_return" && r.value === "true")
      )
      const owner = v.members?.find((m) => m?.role === "owner")
      if (!option || !owner) throw new Error(`demo vendor ${v.handle} has no shipping option or owner`)
      this.vendors.set(v.handle, { id: v.id, actor: { type: "vendor", id: owner.id }, option_id: option.id })
    }
    return this
  }

  /** Adds the checkout at plan.at and each vendor's steps after it to the timeline. */
  plan(timeline: DemoTimeline, plan: OrderPlan, label: string, onPlaced?: (order: PlacedOrder) => Promise<void>) {
    const state: { order?: PlacedOrder } = {}
    this.planned.push(plan)
    timeline.add(plan.at, `${label}: checkout`, async () => {
      state.order = await this.checkout(plan)
      await onPlaced?.(state.order)
    })
    for (const [handle, steps] of Object.entries(plan.steps)) {
      for (const s of steps) {
        timeline.add(plan.at + s.after_hours * HOUR_MS, `${label}: ${handle} ${s.step}`, () => this.vendorStep(state.order!, handle, s))
      }
    }
  }

  async checkout(plan: OrderPlan): Promise<PlacedOrder> {
    return this.completeAndSettle(this.carts.get(plan) ?? (await this.readyCart(plan)))
  }

  /**
   * Fills the planned orders' carts before the replay, three at a time: a
   * cart's lines, addresses, shipping and payment session do not depend on
   * when it is completed, and the cart workflows are over half of a
   * checkout's time, so this is where the seed can use the machine's cores.
   */
  async prepareCarts(concurrency = 3) {
    const queue = [...this.planned]
    const worker = async () => {
      for (let plan = queue.shift(); plan; plan = queue.shift()) this.carts.set(plan, await this.readyCart(plan))
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
  }

  /** The plan's cart with its address, a shipping method per vendor and a payment session. */
  async readyCart(plan: OrderPlan): Promise<string> {
    const region = this.basics.regions.find((r) => r.currency_code === "eur")!
    const lines = Object.entries(plan.lines).map(([handle, quantity]) => ({ ...this.shop.products[handle], quantity }))
    const vendorHandles = [...new Set(lines.map((l) => l.vendor_handle))]
    return createReadyCart(this.container, {
      region_id: region.id,
      sales_channel_id: this.basics.sales_channel_id,
      email: plan.buyer.email,
      customer_id: plan.buyer.customer_id,
      address: plan.buyer.address,
      items: lines.map((l) => ({ variant_id: l.variant_id, quantity: l.quantity })),
      shipping_option_ids: vendorHandles.map((h) => this.vendors.get(h)!.option_id),
      provider_id: plan.provider_id,
    })
  }

  /** Medusa's completion with the split (the checkout route's workflow), then the capture and the split's idempotent re-run. */
  async completeAndSettle(cartId: string): Promise<PlacedOrder> {
    const { result: order } = await completeMarketplaceCartWorkflow(this.container).run({ input: { id: cartId } })
    await captureOrderPaymentWorkflow(this.container).run({ input: { order_id: order.id } })
    await splitOrderByVendorWorkflow(this.container).run({ input: { order_id: order.id } })

    const query = this.container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: split } = await query.graph({
      entity: "vendor_order",
      fields: ["id", "vendor_id", "items.line_item_id"],
      filters: { order_id: order.id },
    })
    const placed: PlacedOrder = { order_id: order.id, vendor_orders: {} }
    for (const [handle, vendor] of this.vendors) {
      const vo = split.find((v: any) => v.vendor_id === vendor.id)
      if (vo) placed.vendor_orders[handle] = { id: vo.id, line_item_ids: (vo.items ?? []).map((i: any) => i.line_item_id) }
    }
    this.placed.push(placed)
    return placed
  }

  /** One vendor step on a placed order, now. */
  async vendorStep(order: PlacedOrder, handle: string, s: VendorStep) {
    const c = this.container
    const vo = order.vendor_orders[handle]
    const actor = this.vendors.get(handle)!.actor
    const base = { vendor_order_id: vo.id, actor }
    switch (s.step) {
      case "accept":
        await acceptVendorOrderWorkflow(c).run({ input: base })
        return
      case "reject":
        await rejectVendorOrderWorkflow(c).run({ input: { ...base, reason: s.reason } })
        return
      case "ship": {
        const { result } = await createVendorFulfillmentWorkflow(c).run({ input: base })
        const tracking = `DEMO-${handle.slice(0, 3).toUpperCase()}-${vo.id.slice(-6)}`
        await createVendorShipmentWorkflow(c).run({
          input: { ...base, fulfillment_id: result.fulfillment.id, labels: [{ tracking_number: tracking }] },
        })
        return
      }
      case "deliver": {
        const query = c.resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({
          entity: "order",
          fields: ["fulfillments.id", "fulfillments.delivered_at", "fulfillments.items.line_item_id"],
          filters: { id: order.order_id },
        })
        const mine = new Set(vo.line_item_ids)
        for (const f of data[0].fulfillments ?? []) {
          if (!f || f.delivered_at || !f.items?.some((i) => mine.has(i!.line_item_id!))) continue
          await markVendorFulfillmentDeliveredWorkflow(c).run({ input: { ...base, fulfillment_id: f.id } })
        }
        return
      }
      case "return":
        await receiveVendorReturnWorkflow(c).run({
          input: { ...base, items: [{ id: vo.line_item_ids[0], quantity: s.quantity }], note: s.note },
        })
        return
      case "refund":
        // The operator's goodwill refund (POST /admin/vendor-orders/:id/refunds).
        await refundVendorOrderWorkflow(c).run({ input: { vendor_order_id: vo.id, amount: s.amount, note: s.note } })
        return
    }
  }
}
