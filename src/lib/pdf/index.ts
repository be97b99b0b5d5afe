import { HELVETICA_BOLD_WIDTHS, HELVETICA_WIDTHS } from "./font-metrics"
import { toWinAnsi } from "./encoding"

export { toWinAnsi, winAnsiCode } from "./encoding"

/**
 * Lilium's PDF writer: PDF 1.4 with the standard fonts Helvetica and
 * Helvetica-Bold (WinAnsiEncoding, not embedded: every reader has them),
 * text, rules and filled boxes, any number of pages. Small by design (an
 * invoice needs no more) and without a runtime dependency.
 *
 * Coordinates are in points from the page's top-left corner: `y` grows
 * downwards and is a text's baseline (the writer turns it into PDF's
 * bottom-up space). Text that has no WinAnsi code is replaced (encoding.ts),
 * so any string can be given.
 */

export type PdfFont = "regular" | "bold"

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const

const FONTS: Record<PdfFont, { resource: string; base: string; widths: readonly number[] }> = {
  regular: { resource: "F1", base: "Helvetica", widths: HELVETICA_WIDTHS },
  bold: { resource: "F2", base: "Helvetica-Bold", widths: HELVETICA_BOLD_WIDTHS },
}

export type TextOptions = {
  font?: PdfFont
  size?: number
  /** Where x is: the text's left edge (default), its right edge or its centre. */
  align?: "left" | "right" | "center"
  /** Longer text is cut and ends with "…". */
  maxWidth?: number
  /** 0 black … 1 white. */
  gray?: number
}

/** A coordinate or size as PDF text: at most two decimals, no exponent, no "-0". */
function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Not a finite number: ${n}`)
  const s = (Math.round(n * 100) / 100).toFixed(2).replace(/\.?0+$/, "")
  return s === "-0" ? "0" : s
}

/** WinAnsi codes as a PDF literal string: ( ) \ escaped, everything outside printable ASCII as octal. */
function literal(codes: number[]): string {
  let s = "("
  for (const c of codes) {
    if (c === 0x28 || c === 0x29 || c === 0x5c) s += "\\" + String.fromCharCode(c)
    else if (c < 0x20 || c > 0x7e) s += "\\" + c.toString(8).padStart(3, "0")
    else s += String.fromCharCode(c)
  }
  return s + ")"
}

/** Any text as a PDF text string (UTF-16BE with its byte-order mark, hex): for the document information. */
function textString(text: string): string {
  let hex = "FEFF"
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")
  return `<${hex}>`
}

/** A date as a PDF date string (UTC). */
function pdfDate(d: Date): string {
  const iso = d.toISOString() // 2026-12-02T16:45:19.000Z
  return `(D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z)`
}

export class PdfDocument {
  readonly width: number
  readonly height: number
  private readonly pages: string[][] = []
  private current = -1
  private readonly info: { title?: string; author?: string; subject?: string; created: Date }

  constructor(opts: { width?: number; height?: number; title?: string; author?: string; subject?: string; created?: Date } = {}) {
    this.width = opts.width ?? A4.width
    this.height = opts.height ?? A4.height
    this.info = { title: opts.title, author: opts.author, subject: opts.subject, created: opts.created ?? new Date() }
  }

  get pageCount(): number {
    return this.pages.length
  }

  /** The page drawn on (0-based). */
  get pageIndex(): number {
    return this.current
  }

  /** Starts a new page and draws on it from now on. */
  addPage(): this {
    this.pages.push([])
    this.current = this.pages.length - 1
    return this
  }

  /** Draws on an existing page again (for footers once the page count is known). */
  goToPage(index: number): this {
    if (!Number.isInteger(index) || index < 0 || index >= this.pages.length) throw new Error(`No page ${index}`)
    this.current = index
    return this
  }

  private ops(): string[] {
    if (this.current < 0) this.addPage()
    return this.pages[this.current]
  }

  /** The width of text in points. */
  widthOf(text: string, font: PdfFont = "regular", size = 10): number {
    const widths = FONTS[font].widths
    let units = 0
    for (const c of toWinAnsi(text)) units += widths[c - 32] ?? 0
    return (units * size) / 1000
  }

  /** The text, cut (with "…") to fit maxWidth. */
  fit(text: string, font: PdfFont, size: number, maxWidth: number): string {
    if (this.widthOf(text, font, size) <= maxWidth) return text
    const chars = [...text]
    while (chars.length && this.widthOf(chars.join("") + "…", font, size) > maxWidth) chars.pop()
    return chars.length ? chars.join("").trimEnd() + "…" : ""
  }

  /** The text broken into lines of at most maxWidth (at spaces; a word longer than a line is cut into pieces). */
  wrap(text: string, font: PdfFont, size: number, maxWidth: number): string[] {
    const lines: string[] = []
    for (const paragraph of text.split(/\r?\n/)) {
      let line = ""
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word
        if (this.widthOf(candidate, font, size) <= maxWidth) {
          line = candidate
          continue
        }
        if (line) lines.push(line)
        let rest = word
        while (this.widthOf(rest, font, size) > maxWidth) {
          const chars = [...rest]
          let n = chars.length - 1
          while (n > 1 && this.widthOf(chars.slice(0, n).join(""), font, size) > maxWidth) n--
          lines.push(chars.slice(0, n).join(""))
          rest = chars.slice(n).join("")
        }
        line = rest
      }
      lines.push(line)
    }
    return lines
  }

  /** Draws text with its baseline at y; returns its drawn width. */
  text(x: number, y: number, text: string, opts: TextOptions = {}): number {
    const font = opts.font ?? "regular"
    const size = opts.size ?? 10
    const shown = opts.maxWidth !== undefined ? this.fit(text, font, size, opts.maxWidth) : text
    const width = this.widthOf(shown, font, size)
    const left = opts.align === "right" ? x - width : opts.align === "center" ? x - width / 2 : x
    const color = opts.gray !== undefined ? `${num(opts.gray)} g ` : ""
    this.ops().push(
      `q ${color}BT /${FONTS[font].resource} ${num(size)} Tf ${num(left)} ${num(this.height - y)} Td ${literal(toWinAnsi(shown))} Tj ET Q`
    )
    return width
  }

  /** A straight rule. */
  line(x1: number, y1: number, x2: number, y2: number, opts: { width?: number; gray?: number } = {}): this {
    this.ops().push(
      `q ${num(opts.width ?? 0.5)} w ${num(opts.gray ?? 0)} G ${num(x1)} ${num(this.height - y1)} m ${num(x2)} ${num(this.height - y2)} l S Q`
    )
    return this
  }

  /** A filled box, top-left at (x, y). */
  box(x: number, y: number, width: number, height: number, opts: { gray?: number } = {}): this {
    this.ops().push(`q ${num(opts.gray ?? 0.9)} g ${num(x)} ${num(this.height - y - height)} ${num(width)} ${num(height)} re f Q`)
    return this
  }

  /** The finished file. */
  toBuffer(): Buffer {
    if (!this.pages.length) this.addPage()
    const objects: string[] = []
    const fontIds: Record<PdfFont, number> = { regular: 3, bold: 4 }
    const firstPageId = 6
    const pageIds = this.pages.map((_, i) => firstPageId + i * 2)
    objects[1] = "<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`
    for (const font of Object.keys(FONTS) as PdfFont[]) {
      objects[fontIds[font]] = `<< /Type /Font /Subtype /Type1 /BaseFont /${FONTS[font].base} /Encoding /WinAnsiEncoding >>`
    }
    const info = [
      this.info.title ? `/Title ${textString(this.info.title)}` : "",
      this.info.author ? `/Author ${textString(this.info.author)}` : "",
      this.info.subject ? `/Subject ${textString(this.info.subject)}` : "",
      `/Producer ${textString("Lilium")}`,
      `/CreationDate ${pdfDate(this.info.created)}`,
    ].filter(Boolean)
    objects[5] = `<< ${info.join(" ")} >>`
    const fonts = `/Font << /F1 ${fontIds.regular} 0 R /F2 ${fontIds.bold} 0 R >>`
    this.pages.forEach((ops, i) => {
      const content = ops.join("\n")
      objects[pageIds[i]] =
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(this.width)} ${num(this.height)}] ` +
        `/Resources << ${fonts} /ProcSet [/PDF /Text] >> /Contents ${pageIds[i] + 1} 0 R >>`
      // Content streams are ASCII (literal() escapes every other byte), so the string length is the byte length.
      objects[pageIds[i] + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`
    })

    const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")]
    let offset = chunks[0].length
    const offsets: number[] = []
    for (let id = 1; id < objects.length; id++) {
      const chunk = Buffer.from(`${id} 0 obj\n${objects[id]}\nendobj\n`, "latin1")
      offsets[id] = offset
      offset += chunk.length
      chunks.push(chunk)
    }
    const xref = [`xref\n0 ${objects.length}\n`, "0000000000 65535 f \n"]
    for (let id = 1; id < objects.length; id++) xref.push(`${String(offsets[id]).padStart(10, "0")} 00000 n \n`)
    xref.push(`trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${offset}\n%%EOF\n`)
    chunks.push(Buffer.from(xref.join(""), "latin1"))
    return Buffer.concat(chunks)
  }
}

/**
 * A top-to-bottom flow of content over pages: `need(height)` starts a new
 * page (and calls onNewPage, e.g. to repeat a table's header) when the
 * content would run past the bottom margin.
 */
export class PageFlow {
  y: number

  constructor(
    readonly doc: PdfDocument,
    readonly margins: { top: number; bottom: number },
    private readonly onNewPage: (flow: PageFlow) => void = () => {}
  ) {
    if (doc.pageCount === 0) doc.addPage()
    this.y = margins.top
  }

  /** The lowest baseline content may use. */
  get bottom(): number {
    return this.doc.height - this.margins.bottom
  }

  /** Makes room for `height` points below y, on a new page when this one is full. Returns whether a page was started. */
  need(height: number): boolean {
    if (this.y + height <= this.bottom) return false
    this.doc.addPage()
    this.y = this.margins.top
    this.onNewPage(this)
    return true
  }

  /** Moves down by `height` (after making room for it). */
  advance(height: number): number {
    this.need(height)
    this.y += height
    return this.y
  }
}
