import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { BigNumber, ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { rawAmount } from "../../../lib/money"
import type { VendorRequest } from "../context"
import type { VendorOrderActor } from "../../../workflows/vendor-order/types"
import { scopedParam, vendorFilters } from "../scope"
import { ORDER_FULFILLMENT_FIELDS, VENDOR_ORDER_FIELDS, VENDOR_ORDER_SORTABLE } from "./query-config"

/** The calling member, as the actor recorded in the vendor order's history. */
export const vendorActor = (req: VendorRequest): VendorOrderActor => ({ type: "vendor", id: req.vendor_context.member.id })

/**
 * A vendor-order action route: the action (the vendor order in the path was
 * proven the caller's by scopeVendorParams), then the vendor order as it is now.
 */
export function vendorOrderAction<Body>(action: (req: VendorRequest<Body>) => Promise<unknown>) {
  return async (req: VendorRequest<Body>, res: MedusaResponse) => {
    const id = scopedParam(req, "id")
    await action(req)
    res.json({ vendor_order: await retrieveVendorOrderDetail(req.scope, id, vendorFilters(req, "vendor_order")) })
  }
}

/** A vendor order as query.graph reads it with some of VENDOR_ORDER_FIELDS. */
type VendorOrderRow = {
  total?: BigNumberInput | null
  commission_total?: BigNumberInput | null
  items?: ({ line_item_id: string } | null)[] | null
  shipping_methods?: ({ shipping_method_id: string } | null)[] | null
}

/**
 * The API view of a vendor order: item ids are the master order's line item
 * ids (what fulfillments take), and net_total = total − commission_total.
 */
export function presentVendorOrder<T extends VendorOrderRow>(vo: T) {
  const { items, shipping_methods, ...rest } = vo
  type Item = NonNullable<NonNullable<T["items"]>[number]>
  type ShippingMethod = NonNullable<NonNullable<T["shipping_methods"]>[number]>
  return {
    ...rest,
    net_total: new BigNumber(MathBN.sub(rawAmount(vo, "total"), rawAmount(vo, "commission_total"))).numeric,
    items: (items ?? []).filter((i): i is Item => !!i).map(({ line_item_id, ...item }) => ({ id: line_item_id, ...item })),
    shipping_methods: (shipping_methods ?? [])
      .filter((m): m is ShippingMethod => !!m)
      .map(({ shipping_method_id, ...m }) => ({ id: shipping_method_id, ...m })),
  }
}

/** The master order's fulfillments as read with ORDER_FULFILLMENT_FIELDS. */
type FulfillmentsRow = {
  fulfillments?:
    | ({
        id: string
        location_id: string
        created_at: unknown
        packed_at?: unknown
        shipped_at?: unknown
        delivered_at?: unknown
        canceled_at?: unknown
        items?: ({ line_item_id?: string | null; title: string; quantity: number } | null)[] | null
        labels?: ({ tracking_number: string; tracking_url: string; label_url: string } | null)[] | null
      } | null)[]
    | null
}

/**
 * The master order's fulfillments that hold this vendor's items (each
 * vendor fulfills from its own location, so a fulfillment never mixes
 * vendors).
 */
export function vendorFulfillments(order: FulfillmentsRow | null | undefined, lineItemIds: Set<string>) {
  return (order?.fulfillments ?? [])
    .filter((f) => !!f)
    .filter((f) => (f.items ?? []).some((i) => !!i?.line_item_id && lineItemIds.has(i.line_item_id)))
    .map((f) => ({
      id: f.id,
      location_id: f.location_id,
      created_at: f.created_at,
      packed_at: f.packed_at,
      shipped_at: f.shipped_at,
      delivered_at: f.delivered_at,
      canceled_at: f.canceled_at,
      items: (f.items ?? []).filter((i) => !!i).map((i) => ({ id: i.line_item_id, title: i.title, quantity: i.quantity })),
      labels: (f.labels ?? [])
        .filter((l) => !!l)
        .map((l) => ({
          tracking_number: l.tracking_number,
          tracking_url: l.tracking_url,
          label_url: l.label_url,
        })),
    }))
}

/** The buying company as the master order carries it (company_order, written at checkout when an employee orders). */
const ORDER_COMPANY_FIELDS = ["company_order.company.id", "company_order.company.name"]
type CompanyOfOrder = { company_order?: { company?: { id: string; name: string } | null } | null } | null | undefined
const companyOf = (order: CompanyOfOrder) => {
  const c = order?.company_order?.company
  return c ? { id: c.id, name: c.name } : null
}

/** The buying company of each master order ({id, name}); orders placed by no company's employee are absent. */
export async function companiesOfOrders(scope: MedusaContainer, orderIds: string[]) {
  const out = new Map<string, { id: string; name: string }>()
  const ids = [...new Set(orderIds.filter(Boolean))]
  if (!ids.length) return out
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", ...ORDER_COMPANY_FIELDS], filters: { id: ids } })
  for (const o of data) {
    const c = companyOf(o as CompanyOfOrder)
    if (c) out.set(o.id, c)
  }
  return out
}

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
  ...ORDER_COMPANY_FIELDS,
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
  const vo = data[0]
  if (!vo) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Vendor order with id: ${id} was not found`)
  const [{ data: orders }, { data: lines }] = await Promise.all([
    query.graph({ entity: "order", fields: ORDER_FIELDS_FOR_DETAIL, filters: { id: vo.order_id } }),
    query.graph({
      entity: "commission_line",
      fields: ["line_type", "reference_id", "rule_id", "rule_name", "rate_type", "rate_value", "quantity", "base_amount", "amount"],
      filters: { vendor_order_id: vo.id },
    }),
  ])
  const order = orders[0]
  const lineIds = new Set<string>(vo.items.filter((i) => !!i).map((i) => i.line_item_id))
  const c = order?.customer
  return {
    ...presentVendorOrder(vo),
    order_display_id: order?.display_id ?? null,
    company: companyOf(order as CompanyOfOrder),
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
      .sort((a, b) => a.line_type.localeCompare(b.line_type))
      .map(({ reference_id, line_type, ...l }) => ({
        ...(line_type === "item" ? { item_id: reference_id } : { shipping_method_id: reference_id }),
        line_type,
        ...l,
      })),
    status_history: [...(vo.status_history ?? [])]
      .filter((h) => !!h)
      .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
      .map((h) => ({
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
 * A page of vendor orders for a list route whose query went through
 * validateAndTransformQuery. `scope` is the tenant filter (vendor_id) and
 * always wins over the client's filters. q matches the vendor order's display
 * number ("12" or "#12") or the customer's e-mail (substring, any case).
 */
export async function listVendorOrdersPage(req: MedusaRequest, scope: Record<string, unknown> = {}) {
  const { q, ...filters }: { q?: string; [filter: string]: unknown } = req.filterableFields ?? {}
  const order = req.queryConfig.pagination?.order ?? {}
  const badSort = Object.keys(order).find((k) => !VENDOR_ORDER_SORTABLE.includes(k))
  if (badSort) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Cannot sort vendor orders by ${badSort}; use one of: ${VENDOR_ORDER_SORTABLE.join(", ")}.`
    )
  }
  const where: Record<string, unknown> = { ...filters, ...scope }
  if (q) {
    const number = q.replace(/^#/, "")
    const like = `%${q.replace(/[\\%_]/g, (c: string) => `\\${c}`)}%`
    where.$or = [{ email: { $ilike: like } }, ...(/^\d{1,9}$/.test(number) ? [{ display_id: Number(number) }] : [])]
  }
  // The company is not a vendor-order column: read it from the master orders (needs order_id).
  const isCompany = (f: string) => f === "company" || f.startsWith("company.")
  const requested: string[] = req.queryConfig.fields
  const wantsCompany = requested.some(isCompany)
  const fields = requested.filter((f) => !isCompany(f))
  const addedOrderId = wantsCompany && !fields.includes("order_id")
  if (addedOrderId) fields.push("order_id")
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "vendor_order",
    fields,
    filters: where,
    pagination: req.queryConfig.pagination,
  })
  const companies = wantsCompany
    ? await companiesOfOrders(
        req.scope,
        data.map((v) => v.order_id)
      )
    : null
  return {
    vendor_orders: data.map((vo) => {
      const view: Record<string, unknown> = presentVendorOrder(vo)
      if (companies) view.company = companies.get(vo.order_id) ?? null
      if (addedOrderId) delete view.order_id
      return view
    }),
    count: metadata?.count ?? data.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? data.length,
  }
}
