import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { rawAmount } from "../../lib/money"
import { marketplaceName } from "../../lib/notification-templates"
import { COMPANY_MODULE } from "../../modules/company"
import type CompanyModuleService from "../../modules/company/service"
import {
  addressLines,
  type AddressLike,
  type InvoiceInput,
  type InvoiceLineInput,
  type InvoicePayment,
  type InvoiceSectionInput,
  type Party,
} from "./document"

/**
 * Everything an order's invoice shows, read once: the order with Medusa's
 * totals, its vendor orders (each vendor is the seller of record of its
 * part), the vendors' legal details, the buying company (company_order →
 * company, its default billing address) and who placed the order, and the
 * payment (by card: paid; by invoice: due until paid). Lines of the
 * marketplace's own products (in no vendor order) are a section sold by the
 * marketplace, so the sections always cover the whole order.
 */

type Row = Record<string, any>

const ORDER_FIELDS = [
  "id",
  "display_id",
  "created_at",
  "currency_code",
  "email",
  "customer_id",
  "metadata",
  "total",
  "tax_total",
  "items.id",
  "items.title",
  "items.variant_title",
  "items.variant_sku",
  "items.quantity",
  "items.unit_price",
  "items.discount_total",
  "items.tax_total",
  "items.total",
  "shipping_methods.id",
  "shipping_methods.name",
  "shipping_methods.amount",
  "shipping_methods.discount_total",
  "shipping_methods.tax_total",
  "shipping_methods.total",
  "billing_address.*",
  "customer.first_name",
  "customer.last_name",
  "customer.email",
  "payment_collections.status",
  "payment_collections.amount",
  "payment_collections.captured_amount",
]

const AMOUNTS = ["quantity", "unit_price", "discount_total", "tax_total", "total"]
const VENDOR_ORDER_FIELDS = [
  "id",
  "display_id",
  "total",
  "raw_total",
  "tax_total",
  "raw_tax_total",
  "vendor.name",
  "vendor.legal_name",
  "vendor.tax_id",
  "vendor.registration_number",
  "vendor.email",
  "vendor.address",
  "items.line_item_id",
  "items.title",
  "items.variant_title",
  "items.sku",
  ...AMOUNTS.flatMap((k) => [`items.${k}`, `items.raw_${k}`]),
  "shipping_methods.shipping_method_id",
  "shipping_methods.name",
  ...["amount", "discount_total", "tax_total", "total"].flatMap((k) => [`shipping_methods.${k}`, `shipping_methods.raw_${k}`]),
]

const amount = (row: Row, key: string): BigNumberInput => rawAmount(row, key)
const fullName = (p: { first_name?: string | null; last_name?: string | null } | null | undefined) =>
  [p?.first_name, p?.last_name].filter(Boolean).join(" ").trim()

/** A line's description: its title, and its variant's when it says more than "Default". */
function describe(title: string, variant: string | null | undefined): string {
  return variant && variant !== title && !/^default( variant)?$/i.test(variant) ? `${title} (${variant})` : title
}

function itemLine(i: Row, sku: string | null | undefined): InvoiceLineInput {
  return {
    title: describe(i.title, i.variant_title),
    sku: sku ?? null,
    quantity: amount(i, "quantity"),
    unit_price: amount(i, "unit_price"),
    discount_total: amount(i, "discount_total"),
    tax_total: amount(i, "tax_total"),
    total: amount(i, "total"),
  }
}

function shippingLine(m: Row) {
  return {
    name: m.name as string,
    amount: amount(m, "amount"),
    discount_total: amount(m, "discount_total"),
    tax_total: amount(m, "tax_total"),
    total: amount(m, "total"),
  }
}

function vendorParty(v: Row): Party {
  const trading = v.legal_name && v.legal_name !== v.name ? [`Trading as ${v.name}`] : []
  const address = (v.address && typeof v.address === "object" ? v.address : null) as AddressLike | null
  return {
    name: v.legal_name || v.name,
    lines: [...trading, ...addressLines(address), ...(v.email ? [v.email] : [])],
    tax_id: v.tax_id ?? null,
    registration_number: v.registration_number ?? null,
  }
}

const TERMS_LABELS: Record<string, string> = { net_15: "Net 15 days", net_30: "Net 30 days", net_60: "Net 60 days", prepaid: "Prepaid" }

/** A date from an ISO string or a Date, or null. */
function dateOf(value: unknown): Date | null {
  if (!value) return null
  const d = value instanceof Date ? value : new Date(String(value))
  return Number.isNaN(d.getTime()) ? null : d
}

/**
 * The payment as the invoice states it. An invoice order carries
 * `metadata.payment_due_at` (and, on its company_order row, payment_terms,
 * invoice_status and paid_at): due until captured or marked paid, overdue
 * after the due date, void when nothing is left to pay. Any other order was
 * paid at checkout.
 */
export function invoicePayment(order: Row, companyOrder: Row | null, now = new Date()): InvoicePayment {
  const dueAt = dateOf(order.metadata?.payment_due_at) ?? dateOf(companyOrder?.payment_due_at)
  const terms = companyOrder?.payment_terms ? (TERMS_LABELS[companyOrder.payment_terms] ?? String(companyOrder.payment_terms)) : null
  const collections: Row[] = order.payment_collections ?? []
  const captured =
    collections.length > 0 &&
    collections.every(
      (c) => c.status === "completed" || (c.amount != null && c.captured_amount != null && MathBN.gte(c.captured_amount, c.amount))
    )
  if (!dueAt) return { terms: terms ?? "Paid at checkout", due_at: null, status: "paid", paid_at: null }
  const invoiceTerms = terms ?? "Payment by invoice"
  if (companyOrder?.invoice_status === "void") return { terms: invoiceTerms, due_at: dueAt, status: "void", paid_at: null }
  if (companyOrder?.invoice_status === "paid" || captured) {
    return { terms: invoiceTerms, due_at: dueAt, status: "paid", paid_at: dateOf(companyOrder?.paid_at) }
  }
  return { terms: invoiceTerms, due_at: dueAt, status: dueAt < now ? "overdue" : "due", paid_at: null }
}

/** Whose order it is: the company (with its default billing address) and the employee, or the customer. */
async function buyerOf(scope: MedusaContainer, order: Row) {
  const companies: CompanyModuleService = scope.resolve(COMPANY_MODULE)
  const [companyOrder] = (await companies.listCompanyOrders({ order_id: order.id }, { take: 1 })) as Row[]
  const billing = (order.billing_address ?? null) as AddressLike | null
  const customerName = fullName(order.customer) || fullName(billing)
  const email = order.customer?.email ?? order.email ?? null
  if (!companyOrder) {
    const name = billing?.company || customerName || email || "Customer"
    const lines = addressLines({ ...billing, company: billing?.company && billing.company !== name ? billing.company : null })
    return { buyer: { name, lines: [...lines, ...(email ? [email] : [])] } as Party, ordered_by: null, companyOrder: null }
  }
  const company = (await companies.retrieveCompany(companyOrder.company_id as string)) as Row
  const [address] = (await companies.listCompanyAddresses({ company_id: company.id, is_default_billing: true }, { take: 1 })) as Row[]
  const source = (address ?? billing) as AddressLike | null
  const lines = addressLines(source && { ...source, company: null, company_name: null })
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["first_name", "last_name", "email"],
    filters: { id: companyOrder.customer_id as string },
  })
  const employee = customers[0] as Row | undefined
  const orderedBy = employee ? [fullName(employee), employee.email ? `<${employee.email}>` : ""].filter(Boolean).join(" ") : null
  return {
    buyer: { name: company.name, lines: [...lines, ...(company.email ? [company.email] : [])], tax_id: company.tax_id ?? null } as Party,
    ordered_by: orderedBy,
    companyOrder,
  }
}

/** The invoice's data for an order; 404 when there is no such order. */
export async function readInvoiceInput(scope: MedusaContainer, orderId: string, now = new Date()): Promise<InvoiceInput> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } })
  const order = orders[0] as Row | undefined
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  const { data: vendorOrders } = await query.graph({
    entity: "vendor_order",
    fields: VENDOR_ORDER_FIELDS,
    filters: { order_id: orderId },
    pagination: { order: { display_id: "ASC" } },
  })
  const platform = marketplaceName()
  const sections: InvoiceSectionInput[] = (vendorOrders as Row[])
    .map((vo) => ({
      seller: vendorParty(vo.vendor ?? {}),
      reference: `Vendor order ${vo.display_id}`,
      items: (vo.items ?? []).map((i: Row) => itemLine(i, i.sku)),
      shipping: (vo.shipping_methods ?? []).map(shippingLine),
      tax_total: amount(vo, "tax_total"),
      total: amount(vo, "total"),
    }))
    .sort((a, b) => a.seller.name.localeCompare(b.seller.name))

  // The marketplace's own lines: whatever no vendor order took.
  const taken = new Set((vendorOrders as Row[]).flatMap((vo) => (vo.items ?? []).map((i: Row) => i.line_item_id)))
  const takenShipping = new Set((vendorOrders as Row[]).flatMap((vo) => (vo.shipping_methods ?? []).map((m: Row) => m.shipping_method_id)))
  const ownItems = ((order.items ?? []) as Row[]).filter((i) => !taken.has(i.id)).map((i) => itemLine(i, i.variant_sku))
  const ownShipping = ((order.shipping_methods ?? []) as Row[]).filter((m) => !takenShipping.has(m.id)).map(shippingLine)
  if (ownItems.length || ownShipping.length) {
    const lines = [...ownItems, ...ownShipping]
    sections.push({
      seller: { name: platform, lines: [] },
      reference: null,
      items: ownItems,
      shipping: ownShipping,
      tax_total: lines.reduce<BigNumberInput>((a, l) => MathBN.add(a, l.tax_total), 0),
      total: lines.reduce<BigNumberInput>((a, l) => MathBN.add(a, l.total), 0),
    })
  }

  const { buyer, ordered_by, companyOrder } = await buyerOf(scope, order)
  return {
    platform,
    display_id: order.display_id,
    currency_code: order.currency_code,
    issued_at: new Date(order.created_at),
    buyer,
    ordered_by,
    payment: invoicePayment(order, companyOrder, now),
    sections,
    order_total: amount(order, "total"),
    order_tax_total: amount(order, "tax_total"),
  }
}
