import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { allocateRounded, decimalString, roundHalfEven } from "../../lib/money"

/**
 * An order's invoice as data: what the PDF shows, every amount already a
 * display string (src/lib/money: the currency's decimals, half-even). Built
 * from exact amounts (Medusa's raw line totals); the sections' totals are
 * rounded so that they add up to the order's rounded total (largest
 * remainder, as the ledger posts them), and `buildInvoice` refuses an
 * invoice whose sections do not add up to the order.
 */

export type Party = {
  name: string
  /** Further lines under the name: trading name, address lines, country, e-mail. */
  lines: string[]
  tax_id?: string | null
  registration_number?: string | null
}

export type AddressLike = {
  company?: string | null
  company_name?: string | null
  first_name?: string | null
  last_name?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  country_code?: string | null
}

export type InvoiceLineInput = {
  title: string
  sku?: string | null
  quantity: BigNumberInput
  unit_price: BigNumberInput
  discount_total: BigNumberInput
  tax_total: BigNumberInput
  total: BigNumberInput
}

export type InvoiceSectionInput = {
  /** The seller of record. */
  seller: Party
  /** "Vendor order 12", or null for the marketplace's own lines. */
  reference: string | null
  items: InvoiceLineInput[]
  shipping: { name: string; amount: BigNumberInput; discount_total: BigNumberInput; tax_total: BigNumberInput; total: BigNumberInput }[]
  /** The section's exact totals (a vendor order's stored sums). */
  tax_total: BigNumberInput
  total: BigNumberInput
}

export type InvoicePayment = {
  /** "Net 30", "Paid at checkout". */
  terms: string
  due_at: Date | null
  status: "paid" | "due" | "overdue" | "void"
  paid_at: Date | null
}

export type InvoiceInput = {
  platform: string
  display_id: number | string
  currency_code: string
  issued_at: Date
  buyer: Party
  /** Who placed the order for the buyer (an employee), or null. */
  ordered_by: string | null
  payment: InvoicePayment
  sections: InvoiceSectionInput[]
  /** The order's exact totals, as Medusa computes them. */
  order_total: BigNumberInput
  order_tax_total: BigNumberInput
}

export type InvoiceRow = {
  description: string
  sku: string
  quantity: string
  unit_price: string
  discount: string
  tax: string
  total: string
}

export type InvoiceSection = {
  seller: Party
  reference: string | null
  rows: InvoiceRow[]
  net: string
  tax: string
  total: string
}

export type Invoice = {
  platform: string
  number: string
  filename: string
  currency_code: string
  issued_on: string
  buyer: Party
  ordered_by: string | null
  payment: { terms: string; status: string; due_on: string | null }
  sections: InvoiceSection[]
  totals: { net: string; tax: string; total: string }
  has_discounts: boolean
}

/** An amount at the currency's precision with thousands separators ("1,234.50", JPY "1,500", "-3.10"). */
export function invoiceAmount(amount: BigNumberInput, currencyCode: string): string {
  const fixed = decimalString(amount, currencyCode)
  const negative = fixed.startsWith("-")
  const [whole, fraction] = (negative ? fixed.slice(1) : fixed).split(".")
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  const out = fraction !== undefined ? `${grouped}.${fraction}` : grouped
  return negative && /[1-9]/.test(out) ? `-${out}` : out
}

/** A quantity as text (an integer, or its exact decimal). */
function quantityText(quantity: BigNumberInput): string {
  return MathBN.convert(quantity).toFixed()
}

/** A date as YYYY-MM-DD (UTC). */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/** The invoice number of an order: INV- and the order's display number, six digits at least. */
export function invoiceNumber(displayId: number | string): string {
  return `INV-${String(displayId).padStart(6, "0")}`
}

/** An address as lines: company, name, street, postcode and city, province, country (ISO code in capitals). */
export function addressLines(a: AddressLike | null | undefined): string[] {
  if (!a) return []
  const name = [a.first_name, a.last_name].filter(Boolean).join(" ")
  const city = [a.postal_code, a.city].filter(Boolean).join(" ")
  return [a.company ?? a.company_name, name, a.address_1, a.address_2, city, a.province, a.country_code?.toUpperCase()]
    .map((l) => (l ?? "").trim())
    .filter(Boolean)
}

const sum = (values: BigNumberInput[]) => values.reduce<BigNumberInput>((a, v) => MathBN.add(a, v), 0)

export class InvoiceMismatchError extends Error {}

/** The invoice of an order; throws InvoiceMismatchError when the sections do not add up to the order's total or tax. */
export function buildInvoice(input: InvoiceInput): Invoice {
  const cc = input.currency_code
  const fmt = (a: BigNumberInput) => invoiceAmount(a, cc)
  const sections = input.sections.filter((s) => s.items.length || s.shipping.length)

  // Each section's lines add up to its stated totals, and the sections to the order's, to the currency's precision.
  for (const s of sections) {
    const lines = [...s.items, ...s.shipping]
    for (const [what, lineSum, stated] of [
      ["total", sum(lines.map((l) => l.total)), s.total],
      ["tax", sum(lines.map((l) => l.tax_total)), s.tax_total],
    ] as const) {
      if (!MathBN.eq(roundHalfEven(lineSum, cc), roundHalfEven(stated, cc))) {
        throw new InvoiceMismatchError(
          `The lines of ${s.seller.name}'s section add up to a ${what} of ${fmt(lineSum)}, the section states ${fmt(stated)}.`
        )
      }
    }
  }
  const totals = allocateRounded(
    sections.map((s) => s.total),
    cc
  )
  const taxes = allocateRounded(
    sections.map((s) => s.tax_total),
    cc
  )
  const orderTotal = roundHalfEven(input.order_total, cc)
  const orderTax = roundHalfEven(input.order_tax_total, cc)
  const totalSum = sum(totals)
  const taxSum = sum(taxes)
  if (!MathBN.eq(totalSum, orderTotal) || !MathBN.eq(taxSum, orderTax)) {
    throw new InvoiceMismatchError(
      `The invoice's sections add up to ${fmt(totalSum)} (tax ${fmt(taxSum)}), the order's total is ${fmt(orderTotal)} (tax ${fmt(orderTax)}).`
    )
  }

  let hasDiscounts = false
  const row = (
    description: string,
    sku: string,
    quantity: string,
    unit: BigNumberInput,
    line: Omit<InvoiceLineInput, "title" | "quantity" | "unit_price" | "sku">
  ): InvoiceRow => {
    if (!MathBN.convert(line.discount_total).isZero()) hasDiscounts = true
    return {
      description,
      sku,
      quantity,
      unit_price: fmt(unit),
      discount: MathBN.convert(line.discount_total).isZero() ? "" : fmt(MathBN.mult(line.discount_total, -1)),
      tax: fmt(line.tax_total),
      total: fmt(line.total),
    }
  }
  const built: InvoiceSection[] = sections.map((s, i) => ({
    seller: s.seller,
    reference: s.reference,
    rows: [
      ...s.items.map((l) => row(l.title, l.sku ?? "", quantityText(l.quantity), l.unit_price, l)),
      ...s.shipping.map((m) => row(`Shipping: ${m.name}`, "", "1", m.amount, m)),
    ],
    net: fmt(MathBN.sub(totals[i], taxes[i])),
    tax: fmt(taxes[i]),
    total: fmt(totals[i]),
  }))

  const number = invoiceNumber(input.display_id)
  const p = input.payment
  const status =
    p.status === "paid"
      ? p.paid_at
        ? `Paid on ${isoDay(p.paid_at)}`
        : "Paid"
      : p.status === "void"
        ? "Void"
        : p.due_at
          ? `${p.status === "overdue" ? "Overdue, was due" : "Due"} ${isoDay(p.due_at)}`
          : "Due"
  return {
    platform: input.platform,
    number,
    filename: `invoice-${number}.pdf`,
    currency_code: cc.toUpperCase(),
    issued_on: isoDay(input.issued_at),
    buyer: input.buyer,
    ordered_by: input.ordered_by,
    payment: { terms: p.terms, status, due_on: p.due_at ? isoDay(p.due_at) : null },
    sections: built,
    totals: { net: fmt(MathBN.sub(orderTotal, orderTax)), tax: fmt(orderTax), total: fmt(orderTotal) },
    has_discounts: hasDiscounts,
  }
}
