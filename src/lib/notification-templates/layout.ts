/**
 * Building blocks of Lilium's e-mail templates: HTML that escapes every
 * interpolated value by construction (`html\`…\``), readers that turn the
 * loosely typed `data` of a notification into display strings, money and
 * date formatting, and the shared layout (marketplace name, footer,
 * unsubscribe link).
 */

/** HTML that is already safe: `html` does not escape it a second time. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }

export function escapeHtml(value: unknown): string {
  return show(value).replace(/[&<>"']/g, (c) => ESCAPES[c])
}

function htmlPart(value: unknown): string {
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(htmlPart).join("")
  return escapeHtml(value)
}

/** Tagged template: every `${value}` is escaped unless it is SafeHtml (or an array of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, s, i) => out + s + (i < values.length ? htmlPart(values[i]) : ""), ""))
}

/** Any value as display text: null and undefined are empty, objects are JSON. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return ""
  if (typeof value === "string") return value
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value)
  if (value instanceof Date) return value.toISOString()
  const json = jsonValue(value)
  if (json !== value) return show(json)
  try {
    return JSON.stringify(value) ?? ""
  } catch {
    return String(value)
  }
}

/** What a value serializes to (Medusa's BigNumber has toJSON). */
function jsonValue(value: unknown): unknown {
  if (value && typeof value === "object" && "toJSON" in value && typeof value.toJSON === "function") return value.toJSON()
  return value
}

export type Data = Record<string, unknown>

/** `data[key]` as text ("" when missing). */
export const str = (data: Data, key: string): string => show(data[key])

/** `data[key]` as a list of records (anything else: empty). */
export function list(data: Data, key: string): Data[] {
  const v = data[key]
  return Array.isArray(v) ? v.filter((x): x is Data => !!x && typeof x === "object") : []
}

/** `data[key]` as a record, or null. */
export function record(data: Data, key: string): Data | null {
  const v = data[key]
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Data) : null
}

/** Only http(s) URLs become links: a `javascript:` URL stays text even when escaped. */
export function safeUrl(value: unknown): string | null {
  const url = show(value).trim()
  return /^https?:\/\//i.test(url) ? url : null
}

/** A button-like link, or nothing when the URL is missing or not http(s). */
export function button(url: unknown, label: string): SafeHtml {
  const href = safeUrl(url)
  if (!href) return html``
  return html`<p style="margin:24px 0">
    <a href="${href}" style="background:#1f2937;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block"
      >${label}</a
    >
  </p>`
}

/** "label: url" for the text part, or nothing. */
export function textLink(url: unknown, label: string): string {
  const href = safeUrl(url)
  return href ? `${label}: ${href}` : ""
}

/**
 * An amount for display. Senders give either a preformatted string
 * ("€12.50") or a number / numeric string plus `currency_code`; the number
 * is formatted with Intl.NumberFormat, never computed with. A numeric string
 * is handed to Intl as a string, so it keeps every digit (Intl.NumberFormat
 * v3 formats decimal strings exactly).
 */
export function money(amount: unknown, currencyCode: unknown, locale = "en"): string {
  let value = jsonValue(amount)
  if (value && typeof value === "object" && "value" in value) value = (value as { value: unknown }).value // a raw BigNumber column
  const currency = show(currencyCode).trim().toUpperCase()
  const numeric =
    typeof value === "number" || typeof value === "bigint" || (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim()))
  if (!numeric) return show(value)
  if (!/^[A-Z]{3}$/.test(currency)) return `${show(value)}${currency ? ` ${currency}` : ""}`
  try {
    const format = new Intl.NumberFormat(locale, { style: "currency", currency }).format as (v: number | bigint | string) => string
    return format(typeof value === "string" ? value.trim() : (value as number | bigint))
  } catch {
    return `${show(value)} ${currency}`
  }
}

/** An ISO date as "2026-12-02 14:30 UTC" (the same for every reader), or the value as given. */
export function when(value: unknown): string {
  const s = show(value)
  if (!s) return ""
  const d = new Date(s)
  if (Number.isNaN(d.getTime())) return s
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`
}

/** A template's output before the layout wraps it. */
export type TemplateBody = {
  subject: string
  /** The first line of the message, shown as a heading. */
  heading: string
  html: SafeHtml
  text: string
  /** A short form for SMS (defaults to the heading and the first link). */
  sms?: string
}

export type LayoutContext = {
  marketplace: string
  /** Security mail (codes, resets, invites, payout-destination changes) never carries an unsubscribe link. */
  security: boolean
  unsubscribeUrl: string | null
}

/** The shared frame: marketplace name on top, the body, a footer with the unsubscribe link for non-security mail. */
export function layout(body: TemplateBody, ctx: LayoutContext): { html: string; text: string } {
  const unsubscribe = ctx.security ? null : safeUrl(ctx.unsubscribeUrl)
  const footerHtml = ctx.security
    ? html`<p>
        You get this message because of your account at ${ctx.marketplace}. It concerns your account's security, so it is always sent.
      </p>`
    : html`<p>You get this message because of your account at ${ctx.marketplace}.</p>
        ${unsubscribe ? html`<p><a href="${unsubscribe}" style="color:#6b7280">Unsubscribe from these e-mails</a></p>` : ""}`
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${body.subject}</title>
      </head>
      <body style="margin:0;padding:0;background:#f3f4f6;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#111827">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0">
          <tr>
            <td align="center" style="padding:24px">
              <table
                role="presentation"
                width="600"
                cellpadding="0"
                cellspacing="0"
                style="max-width:600px;background:#ffffff;border-radius:8px"
              >
                <tr>
                  <td style="padding:20px 24px;border-bottom:1px solid #e5e7eb;font-size:18px;font-weight:600">${ctx.marketplace}</td>
                </tr>
                <tr>
                  <td style="padding:24px;font-size:15px;line-height:1.5">
                    <h1 style="font-size:20px;margin:0 0 16px">${body.heading}</h1>
                    ${body.html}
                  </td>
                </tr>
                <tr>
                  <td style="padding:16px 24px;border-top:1px solid #e5e7eb;font-size:12px;color:#6b7280">${footerHtml}</td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html> `
  const footerText = ctx.security
    ? `You get this message because of your account at ${ctx.marketplace}. It concerns your account's security, so it is always sent.`
    : [`You get this message because of your account at ${ctx.marketplace}.`, unsubscribe ? `Unsubscribe: ${unsubscribe}` : ""]
        .filter(Boolean)
        .join("\n")
  const text = [ctx.marketplace, "", body.heading, "", body.text.trim(), "", "--", footerText].join("\n") + "\n"
  return { html: page.value.trim() + "\n", text }
}
