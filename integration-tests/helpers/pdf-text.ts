/**
 * Reads a PDF with an independent parser (Mozilla's pdf.js, the legacy build
 * for Node), so tests check what a reader shows, not what Lilium's writer
 * meant to write. Each page's text comes back as lines: the text runs that
 * share a baseline, left to right, joined with " | " (a table row keeps its
 * cells apart), top to bottom.
 */
export type PdfText = { pageCount: number; pages: string[][]; info: Record<string, unknown>; lines: string[] }

// Jest's transform would turn import() into require(), which cannot load pdf.js's ES module.
const importEsm = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<any>

export async function pdfText(data: Buffer | Uint8Array): Promise<PdfText> {
  const pdfjs = await importEsm("pdfjs-dist/legacy/build/pdf.mjs")
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise
  try {
    const pages: string[][] = []
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p)
      const content = await page.getTextContent()
      const rows = new Map<number, { x: number; s: string }[]>()
      for (const item of content.items as { str: string; transform: number[] }[]) {
        // pdf.js adds whitespace runs where it guesses a gap between two shows of text.
        if (!item.str.trim()) continue
        const y = Math.round(item.transform[5] * 10) / 10
        const x = item.transform[4]
        if (!rows.has(y)) rows.set(y, [])
        rows.get(y)!.push({ x, s: item.str })
      }
      pages.push(
        [...rows.entries()]
          .sort((a, b) => b[0] - a[0])
          .map(([, runs]) =>
            runs
              .sort((a, b) => a.x - b.x)
              .map((r) => r.s)
              .join(" | ")
          )
      )
    }
    const { info } = await doc.getMetadata()
    return { pageCount: doc.numPages, pages, info: info as Record<string, unknown>, lines: pages.flat() }
  } finally {
    await doc.destroy()
  }
}
