import type { MedusaContainer } from "@medusajs/framework/types"
import { BigNumber, ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"

/** What every vendor-order read returns (API.md, Vendor orders). */
export const VENDOR_ORDER_FIELDS = [
  "id",
  "display_id",
  "order_id",
  "status",
  "status_reason",
  "currency_code",
  "email",
  "customer_id",
  "subtotal",
  "item_total",
  "shipping_total",
  "discount_total",
  "tax_total",
  "total",
  "commission_total",
  "refunded_total",
  "accepted_at",
  "rejected_at",
  "fulfilled_at",
  "shipped_at",
  "delivered_at",
  "canceled_at",
  "created_at",
  "updated_at",
  "vendor.id",
  "vendor.handle",
  "vendor.name",
  "items.line_item_id",
  "items.product_id",
  "items.variant_id",
  "items.title",
  "items.variant_title",
  "items.sku",
  "items.thumbnail",
  "items.quantity",
  "items.unit_price",
  "items.subtotal",
  "items.discount_total",
  "items.tax_total",
  "items.total",
  "shipping_methods.shipping_method_id",
  "shipping_methods.shipping_option_id",
  "shipping_methods.name",
  "shipping_methods.total",
]

export const VENDOR_ORDER_SORTABLE = ["created_at", "display_id", "total", "status", "updated_at"]

/**
 * The API view of a vendor order: item ids are the master order's line item
 * ids (what fulfillments take), and net_total = total − commission_total.
 */
export function presentVendorOrder(vo: any) {
  const { items, shipping_methods, ...rest } = vo
  return {
    ...rest,
    net_total: new BigNumber(MathBN.sub(vo.total ?? 0, vo.commission_total ?? 0)).numeric,
    items: (items ?? []).map(({ line_item_id, ...item }: any) => ({ id: line_item_id, ...item })),
    shipping_methods: (shipping_methods ?? []).map(({ shipping_method_id, ...m }: any) => ({ id: shipping_method_id, ...m })),
  }
}

/**
 * The master order's fulfillments that hold this vendor's items (each
 * vendor fulfills from its own location, so a fulfillment never mixes
 * vendors).
 */
export function vendorFulfillments(order: any, lineItemIds: Set<string>) {
  return (order?.fulfillments ?? [])
    .filter((f: any) => (f.items ?? []).some((i: any) => lineItemIds.has(i.line_item_id)))
    .map((f: any) => ({
      id: f.id,
      location_id: f.location_id,
      created_at: f.created_at,
      packed_at: f.packed_at,
      shipped_at: f.shipped_at,
      delivered_at: f.delivered_at,
      canceled_at: f.canceled_at,
      items: (f.items ?? []).map((i: any) => ({ id: i.line_item_id, title: i.title, quantity: i.quantity })),
      labels: (f.labels ?? []).map((l: any) => ({
        tracking_number: l.tracking_number,
        tracking_url: l.tracking_url,
        label_url: l.label_url,
      })),
    }))
}

/** The master order's fulfillment fields that vendorFulfillments() reads. */
export const ORDER_FULFILLMENT_FIELDS = [
  "fulfillments.id",
  "fulfillments.location_id",
  "fulfillments.created_at",
  "fulfillments.packed_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.items.line_item_id",
  "fulfillments.items.title",
  "fulfillments.items.quantity",
  "fulfillments.labels.tracking_number",
  "fulfillments.labels.tracking_url",
  "fulfillments.labels.label_url",
]

const ORDER_FIELDS_FOR_DETAIL = [
  "id",
  "display_id",
  "email",
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
  "customer.phone",
  "customer.company_name",
  "shipping_address.*",
  ...ORDER_FULFILLMENT_FIELDS,
]

/**
 * 404 unless the vendor order exists within `filters` (the tenant scope):
 * the cheap check an action makes before it runs, reading only the id.
 */
export async function assertVendorOrderExists(scope: MedusaContainer, id: string, filters: Record<string, unknown> = {}) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "vendor_order", fields: ["id"], filters: { ...filters, id } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Vendor order with id: ${id} was not found`)
}

/**
 * One vendor order with what a vendor needs to ship it: the customer's
 * contact, the shipping address, its fulfillments and its status history.
 * `filters` carries the tenant scope (vendor_id): a vendor order outside it
 * is 404, exactly like a missing one.
 */
export async function retrieveVendorOrderDetail(scope: MedusaContainer, id: string, filters: Record<string, unknown> = {}) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "vendor_order",
    fields: [...VENDOR_ORDER_FIELDS, "status_history.*"],
    filters: { ...filters, id },
  })
  const vo = data[0] as any
  if (!vo) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Vendor order with id: ${id} was not found`)
  const [{ data: orders }, { data: lines }] = await Promise.all([
    query.graph({ entity: "order", fields: ORDER_FIELDS_FOR_DETAIL, filters: { id: vo.order_id } }),
    query.graph({
      entity: "commission_line",
      fields: ["line_type", "reference_id", "rule_id", "rule_name", "rate_type", "rate_value", "quantity", "base_amount", "amount"],
      filters: { vendor_order_id: vo.id },
    }),
  ])
  const order = orders[0] as any
  const lineIds = new Set<string>(vo.items.map((i: any) => i.line_item_id))
  const c = order?.customer
  return {
    ...presentVendorOrder(vo),
    order_display_id: order?.display_id ?? null,
    customer: {
      id: c?.id ?? vo.customer_id ?? null,
      email: vo.email ?? order?.email ?? null,
      first_name: c?.first_name ?? order?.shipping_address?.first_name ?? null,
      last_name: c?.last_name ?? order?.shipping_address?.last_name ?? null,
      phone: c?.phone ?? order?.shipping_address?.phone ?? null,
      company_name: c?.company_name ?? order?.shipping_address?.company ?? null,
    },
    shipping_address: order?.shipping_address ?? null,
    fulfillments: vendorFulfillments(order, lineIds),
    // One per item (and per shipping method whose rule includes shipping),
    // with a snapshot of the rule's rate at split time.
    commission_lines: [...lines]
      .sort((a: any, b: any) => a.line_type.localeCompare(b.line_type))
      .map(({ reference_id, line_type, ...l }: any) => ({
        ...(line_type === "item" ? { item_id: reference_id } : { shipping_method_id: reference_id }),
        line_type,
        ...l,
      })),
    status_history: [...(vo.status_history ?? [])]
      .sort((a: any, b: any) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
      .map((h: any) => ({
        from_status: h.from_status,
        to_status: h.to_status,
        actor_type: h.actor_type,
        actor_id: h.actor_id,
        reason: h.reason,
        created_at: h.created_at,
      })),
  }
}

/**
 * The master order's marketplace status, derived from its vendor orders.
 * When every live part (not rejected or canceled) has the same status, that
 * is it; otherwise the most advanced one, as `partially_<status>` (e.g. one
 * vendor shipped, another only accepted: partially_shipped). All parts
 * rejected or canceled: canceled.
 */
export function marketplaceStatus(statuses: string[]): string {
  if (!statuses.length) return "not_split"
  const live = statuses.filter((s) => s !== "rejected" && s !== "canceled")
  if (!live.length) return "canceled"
  const progress = ["pending", "accepted", "fulfilled", "shipped", "delivered"]
  const most = Math.max(...live.map((s) => progress.indexOf(s)))
  return live.every((s) => s === live[0]) ? live[0] : `partially_${progress[most]}`
}

/**
 * A page of vendor orders for a list route whose query went through
 * validateAndTransformQuery. `scope` is the tenant filter (vendor_id) and
 * always wins over the client's filters. q matches the vendor order's display
 * number ("12" or "#12") or the customer's e-mail (substring, any case).
 */
export async function listVendorOrdersPage(req: any, scope: Record<string, unknown> = {}) {
  const { q, ...filters } = (req.filterableFields ?? {}) as Record<string, any>
  const order = req.queryConfig.pagination?.order ?? {}
  const badSort = Object.keys(order).find((k) => !VENDOR_ORDER_SORTABLE.includes(k))
  if (badSort) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Cannot sort vendor orders by ${badSort}; use one of: ${VENDOR_ORDER_SORTABLE.join(", ")}.`
    )
  }
  const where: Record<string, any> = { ...filters, ...scope }
  if (q) {
    const number = q.replace(/^#/, "")
    const like = `%${q.replace(/[\\%_]/g, (c: string) => `\\${c}`)}%`
    where.$or = [{ email: { $ilike: like } }, ...(/^\d{1,9}$/.test(number) ? [{ display_id: Number(number) }] : [])]
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "vendor_order",
    fields: req.queryConfig.fields,
    filters: where,
    pagination: req.queryConfig.pagination,
  })
  return {
    vendor_orders: data.map(presentVendorOrder),
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  }
}
