import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, getVariantAvailability, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { STOCK_ALERT_MODULE } from "../../../modules/stock-alert"
import type StockAlertModuleService from "../../../modules/stock-alert/service"
import { storefrontUrl } from "../../../options"

export type FindDueStockAlertsInput = {
  /** Only these variants; or the variants of these inventory levels / reservations (an inventory event); none: every variant with an active alert. */
  variant_ids?: string[]
  inventory_level_ids?: string[]
  reservation_item_ids?: string[]
  limit: number
}

/** An alert whose variant can be bought again in the alert's sales channel, with what its message needs. */
export type DueStockAlert = {
  id: string
  customer_id: string
  channel: "email" | "sms"
  /** The e-mail address or phone number; null when the customer is gone (the alert is still consumed). */
  to: string | null
  data: { variant_id: string; product_title: string; variant_title: string | null; product_url: string }
}

/**
 * Up to `limit` active alerts whose variant now has available stock
 * (stocked − reserved over the stock locations of the alert's sales channel,
 * Medusa's getVariantAvailability) — oldest first. Alerts are only accepted
 * while the variant is out of stock, so "active and now available" is the
 * 0 → >0 transition, whatever caused it (a restock, a received return, a
 * released reservation, an admin change). Read-only.
 */
export const findDueStockAlertsStep = createStep("find-due-stock-alerts", async (input: FindDueStockAlertsInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: StockAlertModuleService = container.resolve(STOCK_ALERT_MODULE)
  const none = new StepResponse([] as DueStockAlert[])

  const variantIds = await variantsOf(container, input)
  const targets = await service.listActiveTargets(variantIds)
  if (!targets.length) return none

  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "title", "manage_inventory", "allow_backorder", "product.title", "product.handle"],
    filters: { id: [...new Set(targets.map((t) => t.variant_id))] },
  })
  const variantById = new Map(variants.map((v) => [v.id, v]))

  // One availability read per sales channel for all its variants.
  const byChannel = new Map<string, string[]>()
  for (const t of targets) {
    if (!variantById.has(t.variant_id)) continue // a removed variant never comes back
    byChannel.set(t.sales_channel_id, [...(byChannel.get(t.sales_channel_id) ?? []), t.variant_id])
  }
  const due: { variant_id: string; sales_channel_id: string }[] = []
  for (const [salesChannelId, ids] of byChannel) {
    const availability = await getVariantAvailability(query, { variant_ids: ids, sales_channel_id: salesChannelId })
    for (const id of ids) {
      const v = variantById.get(id)!
      const available = availability[id]?.availability
      if (!v.manage_inventory || v.allow_backorder || (available ?? 0) > 0) due.push({ variant_id: id, sales_channel_id: salesChannelId })
    }
  }
  if (!due.length) return none

  const alerts = await service.listStockAlerts(
    { status: "active", $or: due },
    { select: ["id", "customer_id", "variant_id", "channel"], take: input.limit, order: { created_at: "ASC", id: "ASC" } }
  )
  if (!alerts.length) return none
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "phone"],
    filters: { id: [...new Set(alerts.map((a) => a.customer_id))] },
  })
  const customerById = new Map(customers.map((c) => [c.id, c]))

  return new StepResponse(
    alerts.map((a): DueStockAlert => {
      const v = variantById.get(a.variant_id)!
      const c = customerById.get(a.customer_id)
      // An SMS alert whose customer has since removed the phone number falls back to e-mail.
      const channel = a.channel === "sms" && c?.phone ? "sms" : "email"
      return {
        id: a.id,
        customer_id: a.customer_id,
        channel,
        to: (channel === "sms" ? c?.phone : c?.email) ?? null,
        data: {
          variant_id: a.variant_id,
          product_title: v.product?.title ?? "",
          variant_title: v.title ?? null,
          product_url: `${storefrontUrl()}/products/${v.product?.handle ?? ""}`,
        },
      }
    })
  )
})

/** The variants an inventory event touched (levels and reservations name an inventory item), or undefined for "all". */
async function variantsOf(container: MedusaContainer, input: FindDueStockAlertsInput): Promise<string[] | undefined> {
  if (!input.inventory_level_ids && !input.reservation_item_ids) return input.variant_ids
  const inventory = container.resolve(Modules.INVENTORY)
  const itemIds = new Set<string>()
  if (input.inventory_level_ids?.length) {
    for (const l of await inventory.listInventoryLevels({ id: input.inventory_level_ids }, { select: ["inventory_item_id"] }))
      itemIds.add(l.inventory_item_id)
  }
  if (input.reservation_item_ids?.length) {
    // A released reservation is already (soft) deleted when its event arrives.
    for (const r of await inventory.listReservationItems(
      { id: input.reservation_item_ids },
      { select: ["inventory_item_id"], withDeleted: true }
    ))
      itemIds.add(r.inventory_item_id)
  }
  if (!itemIds.size) return []
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_variant_inventory_items",
    fields: ["variant_id"],
    filters: { inventory_item_id: [...itemIds] },
  })
  const ids = [...new Set(data.map((d) => d.variant_id as string))]
  return input.variant_ids ? ids.filter((id) => input.variant_ids!.includes(id)) : ids
}
