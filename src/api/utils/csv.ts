/**
 * CSV for spreadsheets. Text cells that start with = + - @ or a tab/CR are
 * prefixed with ' so Excel and Sheets never run them as formulas (numbers
 * are written as numbers, so negative amounts stay numeric).
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return ""
  if (typeof v === "number" || typeof v === "bigint") return String(v)
  let s = v instanceof Date ? v.toISOString() : String(v)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const cell = csvCell
  return [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\r\n") + "\r\n"
}
