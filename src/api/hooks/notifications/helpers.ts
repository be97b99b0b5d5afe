import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { escapeHtml, marketplaceName } from "../../../lib/notification-templates"
import {
  unsubscribeSecret,
  verifyUnsubscribeToken,
  type UnsubscribeClaims,
} from "../../../modules/notification-preference/unsubscribe-token"

const CATEGORY_NAMES: Record<string, string> = { marketing: "news and offers", stock_alerts: "back-in-stock alerts" }
export const categoryName = (category: string) => CATEGORY_NAMES[category] ?? `${category.replace(/_/g, " ")} messages`

/** The token of the request (the link's query string, or a JSON/form body), verified; or the reason it is refused. */
export function tokenClaims(req: MedusaRequest): { ok: true; claims: UnsubscribeClaims } | { ok: false; reason: string } {
  const body = req.body && typeof req.body === "object" ? (req.body as { token?: unknown }) : {}
  const token = body.token ?? req.query.token
  if (token === undefined) return { ok: false, reason: "The unsubscribe link has no token." }
  const secret = unsubscribeSecret(req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret)
  return verifyUnsubscribeToken(token, secret)
}

/** A browser following the link gets a page; API clients and mail providers get JSON. */
export const wantsHtml = (req: MedusaRequest) => req.accepts(["json", "html"]) === "html"

/**
 * A minimal page: the API's CSP forbids everything, so this one allows its
 * own inline style and a form that posts back to this URL only.
 */
export function sendPage(
  res: MedusaResponse,
  status: number,
  title: string,
  paragraphs: string[],
  form?: { action: string; label: string }
) {
  const name = escapeHtml(marketplaceName())
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")
  const button = form
    ? `<form method="post" action="${escapeHtml(form.action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(form.label)}</button></form>`
    : ""
  res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
  res
    .status(status)
    .type("html")
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
        `<body style="font-family:sans-serif;max-width:560px;margin:40px auto;padding:0 16px"><p><strong>${name}</strong></p><h1 style="font-size:20px">${escapeHtml(title)}</h1>${body}${button}</body></html>\n`
    )
}
