import { buildInvoice, invoiceAmount, InvoiceMismatchError, invoicePayment, renderInvoicePdf, type InvoiceInput } from "../invoice"
import { pdfText } from "../../../integration-tests/helpers/pdf-text"

const line = (title: string, quantity: number, unit: string, tax: string, total: string, discount = "0") => ({
  title,
  sku: title.toUpperCase().replace(/\s+/g, "-"),
  quantity,
  unit_price: unit,
  discount_total: discount,
  tax_total: tax,
  total,
})
const ship = (total: string, tax = "0") => ({ name: "Parcel", amount: total, discount_total: "0", tax_total: tax, total })

/**
 * Two vendors whose exact totals have a third decimal (19% VAT on 49.90
 * and 6.45): 65.2715 and 13.5660 add up to 78.8375, so the sections round
 * (largest remainder) to 65.27 and 13.57 = 78.84, the order's rounded total.
 */
function input(over: Partial<InvoiceInput> = {}): InvoiceInput {
  return {
    platform: "Lilium",
    display_id: 42,
    currency_code: "eur",
    issued_at: new Date("2026-12-02T10:00:00Z"),
    buyer: { name: "Acme Procurement GmbH", lines: ["Hauptstr. 1", "10115 Berlin", "DE"], tax_id: "DE123456789" },
    ordered_by: "Ben Buyer <ben@acme.example>",
    payment: { terms: "Paid at checkout", due_at: null, status: "paid", paid_at: null },
    sections: [
      {
        seller: { name: "Lumen Office Lighting GmbH", lines: ["Trading as Lumen"], tax_id: "DE999" },
        reference: "Vendor order 7",
        items: [line("Desk Lamp", 1, "49.90", "9.481", "59.381")],
        shipping: [ship("5.8905", "0.9405")],
        tax_total: "10.4215",
        total: "65.2715",
      },
      {
        seller: { name: "Papyrus Supplies", lines: [] },
        reference: "Vendor order 3",
        items: [line("Paper A4", 1, "6.45", "1.2255", "7.6755")],
        shipping: [ship("5.8905", "0.9405")],
        tax_total: "2.166",
        total: "13.566",
      },
    ],
    order_total: "78.8375",
    order_tax_total: "12.5875",
    ...over,
  }
}

describe("invoice document", () => {
  it("formats amounts at the currency's precision with thousands separators, from exact values", () => {
    expect(invoiceAmount("1234567.125", "eur")).toBe("1,234,567.12")
    expect(invoiceAmount("1234567.135", "eur")).toBe("1,234,567.14")
    expect(invoiceAmount("0.1", "eur")).toBe("0.10")
    expect(invoiceAmount("1500.4", "jpy")).toBe("1,500")
    expect(invoiceAmount("-3.1", "eur")).toBe("-3.10")
    expect(invoiceAmount("-0.001", "eur")).toBe("0.00")
    expect(invoiceAmount("12.3456", "kwd")).toBe("12.346")
  })

  it("rounds the sections so they add up to the order's rounded total and tax, each net = total − tax", () => {
    const inv = buildInvoice(input())
    expect(inv.number).toBe("INV-000042")
    expect(inv.filename).toBe("invoice-INV-000042.pdf")
    expect(inv.sections.map((s) => [s.seller.name, s.net, s.tax, s.total])).toEqual([
      ["Lumen Office Lighting GmbH", "54.85", "10.42", "65.27"],
      ["Papyrus Supplies", "11.40", "2.17", "13.57"],
    ])
    expect(inv.totals).toEqual({ net: "66.25", tax: "12.59", total: "78.84" })
    expect(inv.sections[0].rows).toEqual([
      { description: "Desk Lamp", sku: "DESK-LAMP", quantity: "1", unit_price: "49.90", discount: "", tax: "9.48", total: "59.38" },
      { description: "Shipping: Parcel", sku: "", quantity: "1", unit_price: "5.89", discount: "", tax: "0.94", total: "5.89" },
    ])
    expect(inv.has_discounts).toBe(false)
  })

  it("refuses an invoice whose sections do not add up to the order, or whose lines do not add up to their section", () => {
    expect(() => buildInvoice(input({ order_total: "78.85" }))).toThrow(InvoiceMismatchError)
    expect(() => buildInvoice(input({ order_total: "78.85" }))).toThrow(
      "The invoice's sections add up to 78.84 (tax 12.59), the order's total is 78.85 (tax 12.59)."
    )
    const broken = input()
    broken.sections[1] = { ...broken.sections[1], total: "14.566" }
    expect(() => buildInvoice(broken)).toThrow(
      "The lines of Papyrus Supplies's section add up to a total of 13.57, the section states 14.57."
    )
  })

  it("states the payment: paid at checkout, due, overdue, paid on a date, void", () => {
    const now = new Date("2026-12-10T00:00:00Z")
    const due = "2026-12-31T09:00:00.000Z"
    const awaiting = [{ status: "authorized", amount: 10, captured_amount: 0 }]
    expect(invoicePayment({ metadata: null, payment_collections: awaiting }, null, now)).toMatchObject({
      status: "paid",
      terms: "Paid at checkout",
    })
    expect(invoicePayment({ metadata: { payment_due_at: due }, payment_collections: awaiting }, { payment_terms: "net_30" }, now)).toEqual({
      terms: "Net 30 days",
      due_at: new Date(due),
      status: "due",
      paid_at: null,
    })
    expect(invoicePayment({ metadata: { payment_due_at: "2026-12-01" }, payment_collections: awaiting }, null, now).status).toBe("overdue")
    const paid = invoicePayment(
      { metadata: { payment_due_at: due } },
      { payment_terms: "net_15", invoice_status: "paid", paid_at: "2026-12-05T12:00:00Z" },
      now
    )
    expect(paid).toMatchObject({ status: "paid", paid_at: new Date("2026-12-05T12:00:00Z") })
    expect(invoicePayment({ metadata: { payment_due_at: due }, payment_collections: [{ status: "completed" }] }, null, now).status).toBe(
      "paid"
    )
    expect(invoicePayment({ metadata: { payment_due_at: due } }, { invoice_status: "void" }, now).status).toBe("void")
    const inv = buildInvoice(input({ payment: { terms: "Net 30 days", due_at: new Date(due), status: "due", paid_at: null } }))
    expect(inv.payment).toEqual({ terms: "Net 30 days", status: "Due 2026-12-31", due_on: "2026-12-31" })
  })

  it("renders every section, line and total into a PDF an independent parser reads, over several pages when long", async () => {
    const many = input()
    const lines = [...Array(80).keys()].map((i) =>
      line(`Article ${i + 1} with a description long enough to wrap onto a second line`, 1, "1.00", "0", "1.00")
    )
    many.sections = [
      ...many.sections,
      {
        seller: { name: "Bulk Seller", lines: ["Somewhere 1"] },
        reference: "Vendor order 9",
        items: lines,
        shipping: [],
        tax_total: "0",
        total: "80",
      },
    ]
    many.order_total = "158.8375"
    const read = await pdfText(renderInvoicePdf(buildInvoice(many)))
    expect(read.pageCount).toBeGreaterThanOrEqual(3)
    const text = read.lines.join("\n")
    expect(text).toContain("Acme Procurement GmbH")
    expect(text).toContain("Tax ID: DE123456789")
    expect(read.lines).toContain("Sold by: Lumen Office Lighting GmbH | Vendor order 7")
    expect(read.lines).toContain("Desk Lamp | DESK-LAMP | 1 | 49.90 | 9.48 | 59.38")
    expect(read.lines).toContain("Total Lumen Office Lighting GmbH | 65.27 EUR")
    expect(read.lines).toContain("Total Papyrus Supplies | 13.57 EUR")
    expect(read.lines).toContain("Total Bulk Seller | 80.00 EUR")
    expect(read.lines).toContain("Order total | 158.84 EUR")
    expect(read.lines.filter((l) => l.startsWith("Article ")).length).toBe(80)
    // Each long description wraps: its second line is a line of its own, under the first.
    expect(read.lines.filter((l) => /^(\S+ )*second line$/.test(l)).length).toBe(80)
    expect(read.lines).toContain("Sold by: Bulk Seller (continued)")
    expect(read.lines).toContain(`Lilium - Invoice INV-000042 | Page ${read.pageCount} of ${read.pageCount}`)
  })
})
