import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import { completeMarketplaceCartWorkflow } from "../../workflows/vendor-order/workflows/complete-marketplace-cart"
import { acceptVendorOrderWorkflow } from "../../workflows/vendor-order/workflows/accept-vendor-order"
import { rejectVendorOrderWorkflow } from "../../workflows/vendor-order/workflows/reject-vendor-order"
import { createVendorFulfillmentWorkflow } from "../../workflows/vendor-order/workflows/create-vendor-fulfillment"
import { createVendorShipmentWorkflow } from "../../workflows/vendor-order/workflows/create-vendor-shipment"
import { markVendorFulfillmentDeliveredWorkflow } from "../../workflows/vendor-order/workflows/mark-vendor-fulfillment-delivered"
import type { VendorOrderActor } from "../../workflows/vendor-order/types"
import type { MarketplaceBasics } from "./marketplace-basics"
import type { DemoCatalog } from "./demo-vendors"
import { createReadyCart } from "./checkout"

export const DEMO_BUYER = { email: "buyer@lilium.demo", password: "lilium-buyer" }

/** The demo buyer's address (Berlin); the HTTP tests check out with it too. */
export const DEMO_BUYER_ADDRESS = {
  first_name: "Erika",
  last_name: "Muster",
  company: "Muster GmbH",
  address_1: "Hauptstraße 5",
  city: "Berlin",
  postal_code: "10115",
  country_code: "de",
  phone: "+49301234567",
}

type Step = "accept" | "fulfill" | "ship" | "deliver" | "reject"

/**
 * A few orders across the demo vendors, in different states, placed by a
 * demo buyer with a login, through the real checkout and lifecycle
 * workflows (so they carry real payments, reservations and fulfillments):
 * - all three vendors: Lumen delivered, Oakline accepted, Papyrus pending;
 * - Lumen and Papyrus: Lumen shipped, Papyrus rejected (refunded);
 * - Oakline alone: pending.
 */
export async function seedDemoOrders(
  container: MedusaContainer,
  basics: MarketplaceBasics,
  catalog: DemoCatalog,
  log: (m: string) => void = () => {}
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity } = await auth.register("emailpass", { body: DEMO_BUYER })
  const { result: customer } = await createCustomerAccountWorkflow(container).run({
    input: {
      authIdentityId: authIdentity!.id,
      customerData: { email: DEMO_BUYER.email, first_name: "Erika", last_name: "Muster", company_name: "Muster GmbH" },
    },
  })
  const region = basics.regions.find((r) => r.currency_code === "eur")!
  const { data: allOptions } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "shipping_profile_id", "rules.attribute", "rules.value"],
  })
  // Delivery options only (approval also made each vendor a return option).
  const options = allOptions.filter((o: any) => !o.rules.some((r: any) => r.attribute === "is_return" && r.value === "true"))
  const { data: vendors } = await query.graph({
    entity: "vendor",
    fields: ["id", "handle", "shipping_profile.id", "members.id", "members.role"],
    filters: { id: catalog.vendors.map((v) => v.id) },
  })
  const byHandle = (handle: string) => {
    const vendor = vendors.find((v) => v.handle === handle)
    if (!vendor) throw new Error(`No demo vendor ${handle}`)
    const product = catalog.products.find((p) => p.vendor_id === vendor.id)!
    const option = options.find((o: any) => o.shipping_profile_id === vendor.shipping_profile?.id)!
    const owner = vendor.members?.find((m) => m?.role === "owner")
    if (!owner) throw new Error(`Demo vendor ${handle} has no owner`)
    return { vendor, product, option, actor: { type: "vendor", id: owner.id } as VendorOrderActor }
  }

  const plans: { lines: [string, number][]; steps: Record<string, Step[]> }[] = [
    {
      lines: [
        ["lumen-office-lighting", 2],
        ["oakline-furniture", 1],
        ["papyrus-supplies", 5],
      ],
      steps: { "lumen-office-lighting": ["accept", "fulfill", "ship", "deliver"], "oakline-furniture": ["accept"] },
    },
    {
      lines: [
        ["lumen-office-lighting", 1],
        ["papyrus-supplies", 10],
      ],
      steps: { "lumen-office-lighting": ["accept", "fulfill", "ship"], "papyrus-supplies": ["reject"] },
    },
    { lines: [["oakline-furniture", 2]], steps: {} },
  ]

  for (const [n, plan] of plans.entries()) {
    const parts = plan.lines.map(([handle, quantity]) => ({ ...byHandle(handle), handle, quantity }))
    const cartId = await createReadyCart(container, {
      region_id: region.id,
      sales_channel_id: basics.sales_channel_id,
      email: DEMO_BUYER.email,
      customer_id: customer.id,
      address: DEMO_BUYER_ADDRESS,
      items: parts.map((p) => ({ variant_id: p.product.variant_id, quantity: p.quantity })),
      shipping_option_ids: parts.map((p) => p.option.id),
    })
    const { result: order } = await completeMarketplaceCartWorkflow(container).run({ input: { id: cartId } })
    const { data: split } = await query.graph({ entity: "vendor_order", fields: ["id", "vendor_id"], filters: { order_id: order.id } })
    for (const part of parts) {
      const vo = split.find((v: any) => v.vendor_id === part.vendor.id)!
      for (const step of plan.steps[part.handle] ?? []) {
        const base = { vendor_order_id: vo.id, actor: part.actor }
        if (step === "accept") await acceptVendorOrderWorkflow(container).run({ input: base })
        if (step === "reject")
          await rejectVendorOrderWorkflow(container).run({ input: { ...base, reason: "Out of stock until next month" } })
        if (step === "fulfill") await createVendorFulfillmentWorkflow(container).run({ input: base })
        if (step === "ship" || step === "deliver") {
          const { data } = await query.graph({
            entity: "order",
            fields: ["fulfillments.id", "fulfillments.shipped_at", "fulfillments.items.line_item_id"],
            filters: { id: order.id },
          })
          const { data: lines } = await query.graph({
            entity: "vendor_order_item",
            fields: ["line_item_id"],
            filters: { vendor_order_id: vo.id },
          })
          const mine = new Set(lines.map((l: any) => l.line_item_id))
          const f = data[0].fulfillments!.find((x) => x!.items!.some((i) => mine.has(i!.line_item_id!)))!
          if (step === "ship") {
            await createVendorShipmentWorkflow(container).run({
              input: {
                ...base,
                fulfillment_id: f.id,
                labels: [{ tracking_number: `DEMO-${n + 1}-${part.handle.slice(0, 4).toUpperCase()}` }],
              },
            })
          } else {
            await markVendorFulfillmentDeliveredWorkflow(container).run({ input: { ...base, fulfillment_id: f.id } })
          }
        }
      }
    }
    const state: Record<Step, string> = {
      accept: "accepted",
      fulfill: "fulfilled",
      ship: "shipped",
      deliver: "delivered",
      reject: "rejected",
    }
    const last = (handle: string) => (plan.steps[handle] ?? []).at(-1)
    log(`demo order ${n + 1}: ${parts.map((p) => `${p.handle} ${last(p.handle) ? state[last(p.handle)!] : "pending"}`).join(", ")}`)
  }
  return { customer_id: customer.id }
}
