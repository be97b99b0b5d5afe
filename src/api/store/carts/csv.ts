import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { quantityProblem } from "../../../utils/money-input"
import { MAX_BULK_LINES } from "./validators"

/** Largest CSV body accepted (500 lines of long SKUs fit easily). */
export const MAX_BULK_CSV_BYTES = 64 * 1024

// CSV line numbers of the parsed lines, by request (for error entries).
const csvLines = new WeakMap<object, number[]>()
export const csvLineNumbers = (req: MedusaRequest) => csvLines.get(req)

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** Splits one CSV record into fields (double-quoted fields with "" escapes allowed). */
function fields(record: string): string[] {
  const out: string[] = []
  let cur = ""
  let quoted = false
  for (let i = 0; i < record.length; i++) {
    const c = record[i]
    if (quoted && c === '"' && record[i + 1] === '"') {
      cur += '"'
      i++
    } else if (c === '"') {
      quoted = !quoted
    } else if (!quoted && (c === "," || c === ";" || c === "\t")) {
      out.push(cur)
      cur = ""
    } else {
      cur += c
    }
  }
  out.push(cur)
  return out.map((f) => f.trim())
}

/**
 * Parses a `sku,quantity` CSV (header row optional; comma, semicolon or tab;
 * blank lines ignored) into `{items: [{sku, quantity, line}]}`. Any bad
 * record is a 400 naming its line, and nothing is added.
 */
export function parseBulkCsv(text: string): { items: { sku: string; quantity: number }[]; lines: number[] } {
  const records = text.replace(/^\uFEFF/, "").split(/\r?\n/)
  const items: { sku: string; quantity: number }[] = []
  const lines: number[] = []
  records.forEach((raw, i) => {
    const lineNo = i + 1
    if (!raw.trim()) return
    const f = fields(raw)
    if (i === 0 && /^sku$/i.test(f[0] ?? "") && /^(quantity|qty)$/i.test(f[1] ?? "")) return
    if (f.length !== 2 || !f[0]) throw invalid(`CSV line ${lineNo}: expected "sku,quantity"`)
    const q = /^-?\d+(\.\d+)?$/.test(f[1]) ? Number(f[1]) : NaN
    const problem = Number.isNaN(q) ? "must be a whole number" : quantityProblem(q, 1)
    if (problem) throw invalid(`CSV line ${lineNo}: quantity ${problem}`)
    items.push({ sku: f[0], quantity: q })
    lines.push(lineNo)
  })
  if (!items.length) throw invalid("CSV has no lines")
  if (items.length > MAX_BULK_LINES) throw invalid(`at most ${MAX_BULK_LINES} lines per request (CSV has ${items.length})`)
  return { items, lines }
}

/**
 * For `Content-Type: text/csv` on the bulk route: reads the raw body (capped
 * at MAX_BULK_CSV_BYTES, 413 beyond) and replaces it with the JSON shape the
 * validator checks. JSON bodies pass through untouched.
 */
export async function bulkCsvBody(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (!req.is("text/csv")) return next()
  try {
    const tooBig = () => invalid(`CSV body larger than ${MAX_BULK_CSV_BYTES} bytes`)
    if (Number(req.headers["content-length"] ?? 0) > MAX_BULK_CSV_BYTES) throw tooBig()
    const chunks: Buffer[] = []
    let size = 0
    // Read to the end even past the cap (a chunked body has no length), keeping only what fits.
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      if (size <= MAX_BULK_CSV_BYTES) chunks.push(chunk as Buffer)
    }
    if (size > MAX_BULK_CSV_BYTES) throw tooBig()
    const { items, lines } = parseBulkCsv(Buffer.concat(chunks).toString("utf8"))
    req.body = { items }
    csvLines.set(req, lines)
    next()
  } catch (e) {
    next(e)
  }
}
