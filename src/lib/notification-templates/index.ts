import { html, layout, safeUrl, show, type Data, type TemplateBody } from "./layout"
import type { NotificationTemplate, TemplateCategory, TemplateContext } from "./types"
import { backInStock } from "./templates/back-in-stock"
import { companyApprovalDecided } from "./templates/company-approval-decided"
import { companyApprovalRequested } from "./templates/company-approval-requested"
import { companyInvite } from "./templates/company-invite"
import { invoiceOverdue } from "./templates/invoice-overdue"
import { emailVerification } from "./templates/email-verification"
import { orderConfirmation } from "./templates/order-confirmation"
import { otpCode } from "./templates/otp-code"
import { passwordChanged } from "./templates/password-changed"
import { passwordReset } from "./templates/password-reset"
import { twoFactorChanged } from "./templates/two-factor-changed"
import { payoutAccountChanged } from "./templates/payout-account-changed"
import { payoutAccountPayoutFailed } from "./templates/payout-account-payout-failed"
import { payoutFailed } from "./templates/payout-failed"
import { payoutPaid } from "./templates/payout-paid"
import { vendorApproved } from "./templates/vendor-approved"
import { vendorInvite } from "./templates/vendor-invite"
import { vendorOrderCreated } from "./templates/vendor-order-created"
import { vendorOrderShipped } from "./templates/vendor-order-shipped"
import { vendorReinstated } from "./templates/vendor-reinstated"
import { vendorRejected } from "./templates/vendor-rejected"
import { vendorSuspended } from "./templates/vendor-suspended"
import { vendorQuoteRequested } from "./templates/vendor-quote-requested"
import { quoteAnswered } from "./templates/quote-answered"
import { quoteMessage } from "./templates/quote-message"

export type { NotificationTemplate, TemplateCategory, TemplateContext } from "./types"
export { escapeHtml, money } from "./layout"

/**
 * Lilium's notification templates, rendered by the project (not by
 * SendGrid): the notification providers call `render(template, data)` and
 * send the result. Senders only choose a template name and give `data`
 * (each template's file lists its keys); a notification row stores both.
 */
export const TEMPLATES: Readonly<Record<string, NotificationTemplate>> = Object.fromEntries(
  [
    vendorInvite,
    vendorOrderCreated,
    vendorOrderShipped,
    vendorApproved,
    vendorRejected,
    vendorSuspended,
    vendorReinstated,
    payoutPaid,
    payoutFailed,
    payoutAccountPayoutFailed,
    payoutAccountChanged,
    passwordReset,
    passwordChanged,
    twoFactorChanged,
    otpCode,
    emailVerification,
    orderConfirmation,
    backInStock,
    companyInvite,
    companyApprovalRequested,
    companyApprovalDecided,
    invoiceOverdue,
    vendorQuoteRequested,
    quoteAnswered,
    quoteMessage,
  ].map((t) => [t.name, t])
)

export type RenderOptions = {
  /** The marketplace's name in the layout: option, else env MARKETPLACE_NAME, else "Lilium". */
  marketplaceName?: string
  /** Intl locale for amounts: option, else data.locale, else "en". */
  locale?: string
}

export type RenderedNotification = {
  subject: string
  html: string
  text: string
  /** A short form for SMS. */
  sms: string
  /** The template was unknown (or failed), so the fallback listed the data. */
  fallback: boolean
  /** The footer's unsubscribe link (never in security mail), for the List-Unsubscribe header; null when there is none. */
  unsubscribeUrl: string | null
}

/** Which preference category a template belongs to ("account" for unknown ones). Security mail ignores preferences. */
export function templateCategory(template: string): TemplateCategory {
  return TEMPLATES[template]?.category ?? "account"
}

export const marketplaceName = (options?: RenderOptions) => options?.marketplaceName || process.env.MARKETPLACE_NAME || "Lilium"

/** Unknown template: a plain message that lists the data, so nothing is lost. */
function fallbackBody(template: string, data: Data, marketplace: string): TemplateBody {
  const entries = Object.entries(data).filter(([k]) => k !== "unsubscribe_url" && k !== "locale")
  const title = template.replace(/[-_]+/g, " ").trim() || "notification"
  return {
    subject: `${marketplace}: ${title}`,
    heading: title.charAt(0).toUpperCase() + title.slice(1),
    html: html`<table role="presentation" cellpadding="4">
      ${entries.map(
        ([k, v]) =>
          html`<tr>
            <td>${k}</td>
            <td>${show(v)}</td>
          </tr>`
      )}
    </table>`,
    text: entries.map(([k, v]) => `${k}: ${show(v)}`).join("\n"),
  }
}

/**
 * Renders a notification: subject, HTML and text inside the shared layout,
 * and a short SMS form. Every interpolated value is HTML-escaped. Never
 * throws: an unknown template, or one that fails on odd data, falls back to
 * a message that lists the data. `data.unsubscribe_url` becomes the footer's
 * unsubscribe link, except in security mail.
 */
export function render(
  template: string,
  data: Record<string, unknown> | null | undefined,
  options: RenderOptions = {}
): RenderedNotification {
  const d: Data = data && typeof data === "object" ? data : {}
  const ctx: TemplateContext = {
    marketplace: marketplaceName(options),
    locale: options.locale || (typeof d.locale === "string" && d.locale) || "en",
  }
  const definition = TEMPLATES[template]
  let body: TemplateBody | null = null
  if (definition) {
    try {
      body = definition.build(d, ctx)
    } catch {
      body = null
    }
  }
  const fallback = !body
  const used = body ?? fallbackBody(template, d, ctx.marketplace)
  const security = definition?.category === "security"
  const unsubscribeUrl = security ? null : safeUrl(d.unsubscribe_url)
  const framed = layout(used, { marketplace: ctx.marketplace, security, unsubscribeUrl })
  const firstLink = used.text.match(/https?:\/\/\S+/)?.[0]
  return {
    subject: used.subject.replace(/\s+/g, " ").trim(),
    html: framed.html,
    text: framed.text,
    sms: used.sms ?? [used.heading, firstLink && safeUrl(firstLink)].filter(Boolean).join(" "),
    fallback,
    unsubscribeUrl,
  }
}

/** What an operator sees instead of a credential. */
export const REDACTED = "[redacted]"

/**
 * A notification's data as an operator may see it: the template's
 * credentials (a sign-in code, a reset, verification or invite link) and
 * every unsubscribe link (it acts for the recipient) replaced by REDACTED.
 * The message itself went out with them; only the copy kept for support is
 * masked, so reading the notification log never lets anybody act as the
 * recipient. Unknown templates keep their data (they carry none of these).
 */
export function redactSecrets(template: string, data: Data | null | undefined): Data | null | undefined {
  if (!data || typeof data !== "object") return data
  const keys = new Set([...(TEMPLATES[template]?.secrets ?? []), "unsubscribe_url"])
  const hidden = Object.keys(data).filter((k) => keys.has(k) && data[k] != null)
  if (!hidden.length) return data
  return { ...data, ...Object.fromEntries(hidden.map((k) => [k, REDACTED])) }
}
