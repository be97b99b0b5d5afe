import { PageFlow, PdfDocument, toWinAnsi } from ".."
import { pdfText } from "../../../../integration-tests/helpers/pdf-text"

/** Each object's offset as the xref table states it, and the startxref value. */
function xrefOf(pdf: Buffer) {
  const text = pdf.toString("latin1")
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1])
  const table = text.slice(startxref)
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(table)!
  const entries = table.split("\n").slice(2, 2 + Number(count))
  return { text, startxref, first: Number(first), entries }
}

describe("PdfDocument", () => {
  it("writes a PDF 1.4 whose xref offsets point at each object and whose startxref points at the xref", () => {
    const doc = new PdfDocument({ title: "Invoice 1", created: new Date("2026-12-02T10:00:00Z") })
    doc.text(40, 60, "Hello")
    doc.addPage().text(40, 60, "Second", { font: "bold" })
    const pdf = doc.toBuffer()
    const { text, startxref, first, entries } = xrefOf(pdf)
    expect(text.startsWith("%PDF-1.4\n")).toBe(true)
    expect(text.slice(startxref, startxref + 5)).toBe("xref\n")
    expect(first).toBe(0)
    expect(entries[0]).toBe("0000000000 65535 f ")
    entries.slice(1).forEach((entry, i) => {
      expect(entry).toMatch(/^\d{10} 00000 n $/)
      const offset = Number(entry.slice(0, 10))
      expect(pdf.subarray(offset, offset + 20).toString("latin1")).toMatch(new RegExp(`^${i + 1} 0 obj\\n`))
    })
    // Each stream's /Length is its byte length.
    for (const m of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
      const start = m.index! + m[0].length
      expect(text.slice(start + Number(m[1]), start + Number(m[1]) + 10)).toBe("\nendstream")
    }
    expect(text).toContain("/Count 2")
    expect(text).toContain("/BaseFont /Helvetica /Encoding /WinAnsiEncoding")
    expect(text).toContain("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding")
    expect(text).toContain("/CreationDate (D:20261202100000Z)")
  })

  it("is read back by an independent parser: text per page, escaped parentheses and backslashes, WinAnsi characters, the title", async () => {
    const doc = new PdfDocument({ title: "Rechnung Nr. 7 — Müller (GmbH)" })
    doc.text(40, 60, "Price (net): 12.50 \\ 3 items")
    doc.text(40, 80, "Grüße, Łódź, Škoda, naïve, €5 “quoted” – ok")
    doc.text(40, 100, "Emoji 🙂 and 中文 and a\ttab\nnewline")
    doc.addPage().text(40, 60, "Page two")
    const read = await pdfText(doc.toBuffer())
    expect(read.pageCount).toBe(2)
    expect(read.pages[0]).toEqual([
      "Price (net): 12.50 \\ 3 items",
      "Grüße, Lódz, Škoda, naïve, €5 “quoted” – ok",
      "Emoji ? and ?? and a tab newline",
    ])
    expect(read.pages[1]).toEqual(["Page two"])
    expect(read.info.Title).toBe("Rechnung Nr. 7 — Müller (GmbH)")
  })

  it("measures with Helvetica's metrics: right alignment ends at x, fit cuts with an ellipsis, wrap breaks at spaces", async () => {
    const doc = new PdfDocument()
    // AFM: "0" is 556/1000 em in both fonts, "W" 944 regular and 944 bold, "i" 222 regular and 278 bold.
    expect(doc.widthOf("00", "regular", 10)).toBeCloseTo(11.12, 5)
    expect(doc.widthOf("iW", "bold", 10)).toBeCloseTo(12.22, 5)
    expect(doc.widthOf("iW", "regular", 10)).toBeCloseTo(11.66, 5)
    const width = doc.text(300, 50, "1,234.56", { align: "right", size: 9 })
    expect(width).toBeCloseTo(doc.widthOf("1,234.56", "regular", 9), 5)
    const cut = doc.fit("A very long product title that does not fit", "regular", 10, 100)
    expect(cut.endsWith("…")).toBe(true)
    expect(doc.widthOf(cut, "regular", 10)).toBeLessThanOrEqual(100)
    expect(doc.fit("Short", "regular", 10, 100)).toBe("Short")
    const lines = doc.wrap("one two three four five six seven eight nine ten", "regular", 10, 60)
    expect(lines.join(" ")).toBe("one two three four five six seven eight nine ten")
    for (const line of lines) expect(doc.widthOf(line, "regular", 10)).toBeLessThanOrEqual(60)
    expect(doc.wrap("Supercalifragilisticexpialidocious", "regular", 10, 40).every((l) => doc.widthOf(l, "regular", 10) <= 40)).toBe(true)
    // The parser places the right-aligned text so it ends at x = 300.
    const pdfjs = await new Function("s", "return import(s)")("pdfjs-dist/legacy/build/pdf.mjs")
    const parsed = await pdfjs.getDocument({ data: new Uint8Array(doc.toBuffer()), verbosity: 0 }).promise
    const item = (await (await parsed.getPage(1)).getTextContent()).items[0]
    expect(item.transform[4] + item.width).toBeCloseTo(300, 1)
    await parsed.destroy()
  })

  it("flows content over as many pages as it needs, calling onNewPage on each new one", async () => {
    const doc = new PdfDocument()
    const headers: number[] = []
    const flow = new PageFlow(doc, { top: 50, bottom: 50 }, (f) => {
      headers.push(doc.pageIndex)
      doc.text(40, f.y, "Header again", { font: "bold" })
      f.y += 14
    })
    for (let i = 1; i <= 120; i++) {
      flow.advance(14)
      doc.text(40, flow.y, `Row ${i}`)
    }
    const read = await pdfText(doc.toBuffer())
    expect(read.pageCount).toBe(doc.pageCount)
    expect(read.pageCount).toBeGreaterThanOrEqual(3)
    expect(headers).toEqual([...Array(read.pageCount - 1).keys()].map((i) => i + 1))
    const rows = read.lines.filter((l) => l.startsWith("Row "))
    expect(rows).toEqual([...Array(120).keys()].map((i) => `Row ${i + 1}`))
    for (const page of read.pages.slice(1)) expect(page[0]).toBe("Header again")
    // Nothing is drawn below the bottom margin.
    expect(flow.y).toBeLessThanOrEqual(flow.bottom)
  })

  it("replaces what WinAnsi cannot show, and never writes a byte outside printable ASCII into a content stream", () => {
    expect(toWinAnsi("A(é)€")).toEqual([0x41, 0x28, 0xe9, 0x29, 0x80])
    expect(toWinAnsi("ő ł ﬁ")).toEqual([0x6f, 0x20, 0x6c, 0x20, 0x66, 0x69])
    expect(toWinAnsi("\u0000\u0007\u0081")).toEqual([0x20, 0x20, 0x20])
    expect(toWinAnsi("𝄞")).toEqual([0x3f])
    const doc = new PdfDocument()
    doc.text(10, 10, "é (x) \\ \u0000 €")
    const text = doc.toBuffer().toString("latin1")
    const stream = /stream\n([\s\S]*?)\nendstream/.exec(text)![1]
    expect(stream).toMatch(/^[\x20-\x7e\n]*$/)
    expect(stream).toContain("(\\351 \\(x\\) \\\\   \\200) Tj")
  })
})
