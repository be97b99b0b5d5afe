import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { rawAmount } from "../lib/money"
import { QUOTE_MODULE } from "../modules/quote"
import type QuoteModuleService from "../modules/quote/service"
import { effectiveVendorQuoteStatus } from "../modules/quote/service"

type Row = Record<string, any>

const amount = (v: BigNumberInput) => MathBN.convert(v).toNumber()

/** A vendor quote's lines with list and quoted totals (exact sums, shown as numbers like Medusa's amounts). */
function partView(part: Row, now: Date) {
  let list = MathBN.convert(0)
  let quoted = MathBN.convert(0)
  const priced = part.items.every((i: Row) => i.unit_price != null)
  const items = [...part.items]
    .sort((a: Row, b: Row) => String(a.line_item_id).localeCompare(String(b.line_item_id)))
    .map((i: Row) => {
      const listTotal = MathBN.mult(rawAmount(i, "list_unit_price"), i.quantity)
      list = MathBN.add(list, listTotal)
      const unit = i.unit_price == null ? null : rawAmount(i, "unit_price")
      const total = unit == null ? null : MathBN.mult(unit, i.quantity)
      if (total) quoted = MathBN.add(quoted, total)
      return {
        id: i.id,
        item_id: i.line_item_id,
        variant_id: i.variant_id,
        product_id: i.product_id,
        title: i.title,
        variant_title: i.variant_title,
        sku: i.sku,
        quantity: i.quantity,
        list_unit_price: amount(rawAmount(i, "list_unit_price")),
        unit_price: unit == null ? null : amount(unit),
        total: total == null ? null : amount(total),
      }
    })
  return {
    id: part.id,
    status: effectiveVendorQuoteStatus(part as never, now),
    currency_code: part.currency_code,
    valid_until: part.valid_until ?? null,
    message: part.response_message ?? null,
    decline_reason: part.decline_reason ?? null,
    responded_at: part.responded_at ?? null,
    list_subtotal: amount(list),
    subtotal: priced ? amount(quoted) : null,
    items,
    messages: [...(part.messages ?? [])]
      .sort((a: Row, b: Row) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
      .map((m: Row) => ({ id: m.id, author_type: m.author_type, author_name: m.author_name, body: m.body, created_at: m.created_at })),
    created_at: part.created_at,
  }
}

const QUOTE_FIELDS = [
  "id",
  "status",
  "cart_id",
  "company_id",
  "currency_code",
  "message",
  "accepted_at",
  "order_id",
  "ordered_at",
  "created_at",
]

/** A buyer's quotes with every vendor part (the vendor's id, handle and name), newest first. */
export async function readStoreQuotes(container: MedusaContainer, ids: string[], now = new Date()) {
  if (!ids.length) return []
  const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
  const rows = await quotes.listQuotes(
    { id: ids },
    { relations: ["vendor_quotes", "vendor_quotes.items", "vendor_quotes.messages"], order: { created_at: "DESC" } }
  )
  const vendorIds = [...new Set(rows.flatMap((q) => q.vendor_quotes.map((p) => p.vendor_id)))]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: vendors } = vendorIds.length
    ? await query.graph({ entity: "vendor", fields: ["id", "handle", "name"], filters: { id: vendorIds } })
    : { data: [] as Row[] }
  const byId = new Map<unknown, { id: unknown; handle: unknown; name: unknown }>(
    vendors.map((v: Row) => [v.id, { id: v.id, handle: v.handle, name: v.name }] as const)
  )
  return rows.map((q) => ({
    ...Object.fromEntries(QUOTE_FIELDS.map((f) => [f, (q as Row)[f] ?? null])),
    vendor_quotes: q.vendor_quotes
      .map((p) => ({ vendor: byId.get(p.vendor_id) ?? { id: p.vendor_id, handle: null, name: null }, ...partView(p as Row, now) }))
      .sort((a, b) => String(a.vendor.name).localeCompare(String(b.vendor.name))),
  }))
}

export async function readStoreQuote(container: MedusaContainer, id: string) {
  const [quote] = await readStoreQuotes(container, [id])
  if (!quote) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Quote with id: ${id} was not found`)
  return quote
}

/**
 * Vendor parts as their vendor sees them: its own lines, the thread, the
 * quote's state and message, and the buyer (company name, contact name and
 * e-mail, as on a vendor order).
 */
export async function readVendorQuotes(container: MedusaContainer, ids: string[], now = new Date()) {
  if (!ids.length) return []
  const quotes: QuoteModuleService = container.resolve(QUOTE_MODULE)
  const parts = await quotes.listVendorQuotes({ id: ids }, { relations: ["items", "messages", "quote"], order: { created_at: "DESC" } })
  const customerIds = [...new Set(parts.map((p) => p.quote.customer_id))]
  const companyIds = [...new Set(parts.flatMap((p) => (p.quote.company_id ? [p.quote.company_id] : [])))]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: customers }, { data: companies }] = await Promise.all([
    query.graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name"], filters: { id: customerIds } }),
    companyIds.length
      ? query.graph({ entity: "company", fields: ["id", "name"], filters: { id: companyIds } })
      : Promise.resolve({ data: [] as Row[] }),
  ])
  return parts.map((p) => {
    const customer = customers.find((c: Row) => c.id === p.quote.customer_id) as Row | undefined
    const company = companies.find((c: Row) => c.id === p.quote.company_id) as Row | undefined
    return {
      ...partView(p as Row, now),
      quote: { id: p.quote.id, status: p.quote.status, message: p.quote.message ?? null, created_at: p.quote.created_at },
      buyer: {
        company: company ? { id: company.id, name: company.name } : null,
        name: [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") || null,
        email: customer?.email ?? null,
      },
    }
  })
}

export async function readVendorQuote(container: MedusaContainer, id: string) {
  const [part] = await readVendorQuotes(container, [id])
  if (!part) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Quote with id: ${id} was not found`)
  return part
}
