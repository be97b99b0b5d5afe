/**
 * Text to WinAnsiEncoding (Windows-1252), the encoding of the standard
 * fonts as Lilium's PDF writer declares them. Codes 0xA0–0xFF are Latin-1;
 * 0x80–0x9F hold the typographic extras (€, quotes, dashes, Œ, Š, …). A
 * character outside it becomes its base letter when Unicode decomposes it
 * (ő → o, ę → e), a few common look-alikes, or "?" — never a byte the font
 * would draw as something else.
 */

const EXTRAS: Record<string, number> = {
  "€": 0x80,
  "‚": 0x82,
  ƒ: 0x83,
  "„": 0x84,
  "…": 0x85,
  "†": 0x86,
  "‡": 0x87,
  ˆ: 0x88,
  "‰": 0x89,
  Š: 0x8a,
  "‹": 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
  "˜": 0x98,
  "™": 0x99,
  š: 0x9a,
  "›": 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
}

/** Characters Unicode does not decompose, written as their nearest WinAnsi text. */
const LOOK_ALIKES: Record<string, string> = {
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ı: "i",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2212": "-",
  "\u2032": "'",
  "\u2033": '"',
  "\u00a0": " ",
  "\u202f": " ",
  "\u2009": " ",
  "\t": " ",
}

/** The WinAnsi code of one character, or null when it has none. */
export function winAnsiCode(ch: string): number | null {
  const cp = ch.codePointAt(0)
  if (cp === undefined) return null
  if (cp >= 0x20 && cp <= 0x7e) return cp
  if (cp >= 0xa0 && cp <= 0xff) return cp
  return EXTRAS[ch] ?? null
}

/**
 * The text as WinAnsi codes (one per character). Control characters and
 * line breaks become spaces; anything else without a code is replaced as
 * described above.
 */
export function toWinAnsi(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const direct = winAnsiCode(ch)
    if (direct !== null) {
      out.push(direct)
      continue
    }
    const cp = ch.codePointAt(0)!
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
      out.push(0x20)
      continue
    }
    const alike = LOOK_ALIKES[ch]
    if (alike !== undefined) {
      out.push(...toWinAnsi(alike))
      continue
    }
    // Decomposed: the base letters that have a code, without the combining marks (NFKD also turns ﬁ into fi, ² into 2).
    const base = [...ch.normalize("NFKD")].filter((c) => !/\p{M}/u.test(c))
    const codes = base.map(winAnsiCode)
    if (base.length && base.join("") !== ch && codes.every((c) => c !== null)) out.push(...(codes as number[]))
    else out.push(0x3f) // "?"
  }
  return out
}
