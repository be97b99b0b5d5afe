import { PageFlow, PdfDocument } from "../../lib/pdf"
import type { Invoice, InvoiceRow, Party } from "./document"

/**
 * An invoice (document.ts) as an A4 PDF: the marketplace and the invoice's
 * number and dates, the buyer and the payment, then one section per seller
 * of record (seller, its lines, its subtotal, tax and total), then the
 * order's totals; a footer with the page number on every page. A table that
 * runs past a page goes on on the next with its header repeated.
 */

const MARGIN = 40
const TOP = 50
const BOTTOM = 50
const SIZE = 9
const ROW = 11.5

type Column = { key: keyof InvoiceRow; label: string; width: number; align: "left" | "right" }

function columns(withDiscount: boolean, usable: number): Column[] {
  const fixed: Column[] = [
    { key: "sku", label: "SKU", width: 96, align: "left" },
    { key: "quantity", label: "Qty", width: 32, align: "right" },
    { key: "unit_price", label: "Unit price", width: 58, align: "right" },
    ...(withDiscount ? [{ key: "discount", label: "Discount", width: 52, align: "right" } as Column] : []),
    { key: "tax", label: "Tax", width: 52, align: "right" },
    { key: "total", label: "Total", width: 64, align: "right" },
  ]
  const description = usable - fixed.reduce((a, c) => a + c.width, 0)
  return [{ key: "description", label: "Description", width: description, align: "left" }, ...fixed]
}

export function renderInvoicePdf(invoice: Invoice, created = new Date()): Buffer {
  const doc = new PdfDocument({ title: `Invoice ${invoice.number}`, author: invoice.platform, subject: invoice.platform, created })
  const usable = doc.width - 2 * MARGIN
  const right = doc.width - MARGIN
  let onNewPage: (flow: PageFlow) => void = () => {}
  const flow = new PageFlow(doc, { top: TOP, bottom: BOTTOM }, (f) => onNewPage(f))

  const line = (text: string, x: number, opts: { font?: "regular" | "bold"; size?: number; gray?: number; width?: number } = {}) => {
    const size = opts.size ?? SIZE
    for (const part of doc.wrap(text, opts.font ?? "regular", size, opts.width ?? usable)) {
      flow.advance(size + 2.5)
      doc.text(x, flow.y, part, { font: opts.font, size, gray: opts.gray })
    }
  }

  // Header: the marketplace and the invoice.
  flow.advance(16)
  doc.text(MARGIN, flow.y, invoice.platform, { font: "bold", size: 16 })
  doc.text(right, flow.y, "INVOICE", { font: "bold", size: 16, align: "right" })
  flow.advance(6)
  const meta: [string, string][] = [
    ["Invoice number", invoice.number],
    ["Issue date", invoice.issued_on],
    ["Currency", invoice.currency_code],
  ]
  for (const [label, value] of meta) {
    flow.advance(ROW)
    doc.text(right - 110, flow.y, `${label}:`, { size: SIZE, gray: 0.35 })
    doc.text(right, flow.y, value, { size: SIZE, align: "right", font: "bold" })
  }
  flow.advance(8)
  doc.line(MARGIN, flow.y, right, flow.y, { gray: 0.7 })

  // Buyer (left) and payment (right), side by side.
  const half = usable / 2 - 10
  const top = flow.y
  const block = (x: number, title: string, rows: { text: string; font?: "regular" | "bold" }[]) => {
    flow.y = top
    flow.advance(14)
    doc.text(x, flow.y, title, { font: "bold", size: 10 })
    for (const r of rows) {
      for (const part of doc.wrap(r.text, r.font ?? "regular", SIZE, half)) {
        flow.advance(ROW)
        doc.text(x, flow.y, part, { font: r.font, size: SIZE })
      }
    }
    return flow.y
  }
  const buyerEnd = block(MARGIN, "Bill to", partyRows(invoice.buyer, invoice.ordered_by ? [`Ordered by: ${invoice.ordered_by}`] : []))
  const paymentEnd = block(MARGIN + usable / 2 + 10, "Payment", [
    { text: `Terms: ${invoice.payment.terms}` },
    ...(invoice.payment.due_on ? [{ text: `Due date: ${invoice.payment.due_on}` }] : []),
    { text: `Status: ${invoice.payment.status}`, font: "bold" },
  ])
  flow.y = Math.max(buyerEnd, paymentEnd) + 8
  line(
    `${invoice.platform} operates the marketplace and issues this invoice on behalf of the sellers below; each seller is the seller of record for the goods and shipping in its section.`,
    MARGIN,
    { size: 8, gray: 0.35 }
  )

  // One section per seller of record.
  const cols = columns(invoice.has_discounts, usable)
  const tableHeader = () => {
    flow.advance(ROW + 2)
    let x = MARGIN
    for (const c of cols) {
      doc.text(c.align === "right" ? x + c.width : x, flow.y, c.label, { font: "bold", size: 8, align: c.align, gray: 0.25 })
      x += c.width
    }
    flow.advance(4)
    doc.line(MARGIN, flow.y, right, flow.y, { gray: 0.6 })
  }
  for (const section of invoice.sections) {
    // The seller's details in two runs: who and where (trading name, address, e-mail), then its tax id and registration.
    const seller = section.seller
    const details = [
      seller.lines.join(", "),
      [seller.tax_id ? `Tax ID: ${seller.tax_id}` : "", seller.registration_number ? `Registration no.: ${seller.registration_number}` : ""]
        .filter(Boolean)
        .join(" · "),
    ].flatMap((text) => (text ? doc.wrap(text, "regular", 8, usable - 12) : []))
    flow.need(40 + details.length * ROW + ROW * 3)
    flow.advance(14)
    doc.box(MARGIN, flow.y, usable, 18, { gray: 0.92 })
    flow.advance(12)
    doc.text(MARGIN + 6, flow.y, `Sold by: ${seller.name}`, { font: "bold", size: 10, maxWidth: usable - 150 })
    if (section.reference) doc.text(right - 6, flow.y, section.reference, { size: SIZE, align: "right", gray: 0.3 })
    flow.advance(6)
    for (const text of details) {
      flow.advance(ROW - 1)
      doc.text(MARGIN + 6, flow.y, text, { size: 8, gray: 0.25 })
    }
    onNewPage = () => {
      flow.advance(ROW)
      doc.text(MARGIN, flow.y, `Sold by: ${section.seller.name} (continued)`, { font: "bold", size: SIZE, maxWidth: usable })
      tableHeader()
    }
    tableHeader()
    for (const r of section.rows) {
      const description = doc.wrap(r.description, "regular", SIZE, cols[0].width - 6)
      flow.need(description.length * ROW + 2)
      let x = MARGIN
      const y0 = flow.y
      for (const c of cols) {
        if (c.key === "description") {
          description.forEach((part, i) => doc.text(x, y0 + ROW * (i + 1), part, { size: SIZE }))
        } else {
          doc.text(c.align === "right" ? x + c.width : x, y0 + ROW, r[c.key], { size: SIZE, align: c.align, maxWidth: c.width - 4 })
        }
        x += c.width
      }
      flow.y = y0 + ROW * description.length + 2
    }
    onNewPage = () => {}
    flow.need(ROW * 3 + 8)
    flow.advance(3)
    doc.line(MARGIN + usable / 2, flow.y, right, flow.y, { gray: 0.6 })
    const sums: [string, string, "regular" | "bold"][] = [
      ["Subtotal (excl. tax)", section.net, "regular"],
      ["Tax", section.tax, "regular"],
      [`Total ${section.seller.name}`, section.total, "bold"],
    ]
    for (const [label, value, font] of sums) {
      flow.advance(ROW)
      doc.text(right - 80, flow.y, label, { size: SIZE, font, align: "right", maxWidth: usable / 2 - 90 })
      doc.text(right, flow.y, `${value} ${invoice.currency_code}`, { size: SIZE, font, align: "right" })
    }
  }

  // The order's totals.
  flow.need(ROW * 4 + 20)
  flow.advance(12)
  doc.line(MARGIN, flow.y, right, flow.y, { width: 1 })
  const totals: [string, string, "regular" | "bold", number][] = [
    ["Order subtotal (excl. tax)", invoice.totals.net, "regular", SIZE],
    ["Order tax", invoice.totals.tax, "regular", SIZE],
    ["Order total", invoice.totals.total, "bold", 11],
  ]
  for (const [label, value, font, size] of totals) {
    flow.advance(size + 4)
    doc.text(right - 100, flow.y, label, { size, font, align: "right" })
    doc.text(right, flow.y, `${value} ${invoice.currency_code}`, { size, font, align: "right" })
  }

  // Footer on every page, now that the count is known.
  const pages = doc.pageCount
  for (let i = 0; i < pages; i++) {
    doc.goToPage(i)
    doc.text(MARGIN, doc.height - 28, `${invoice.platform} - Invoice ${invoice.number}`, { size: 7, gray: 0.45 })
    doc.text(right, doc.height - 28, `Page ${i + 1} of ${pages}`, { size: 7, gray: 0.45, align: "right" })
  }
  return doc.toBuffer()
}

/** A party as text rows: its name (bold), its lines, its tax id and registration number, then `extra`. */
function partyRows(p: Party, extra: string[]): { text: string; font?: "regular" | "bold" }[] {
  return [
    { text: p.name, font: "bold" },
    ...p.lines.map((text) => ({ text })),
    ...(p.tax_id ? [{ text: `Tax ID: ${p.tax_id}` }] : []),
    ...(p.registration_number ? [{ text: `Registration no.: ${p.registration_number}` }] : []),
    ...extra.map((text) => ({ text })),
  ]
}
