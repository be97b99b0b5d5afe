import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateNotificationPreferencesWorkflow } from "../../../../workflows/notification/workflows/update-notification-preferences"
import { readNotificationPreferences } from "../../../utils/notification-preferences"
import { categoryName, sendPage, tokenClaims, wantsHtml } from "../helpers"

/**
 * The unsubscribe link of marketing and stock-alert e-mail, without sign-in:
 * the signed token says who and which category. It lives under /hooks, not
 * /store, because a mail client cannot send the publishable-key header.
 *
 * GET shows what the link does and changes nothing (link scanners and
 * previews fetch every link); POST turns that category's e-mail off. POST is
 * also RFC 8058's one-click (`List-Unsubscribe=One-Click`, form-encoded) and
 * takes the token from the query string or the body. Repeating it is harmless.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const verified = tokenClaims(req)
  if (!verified.ok) return refuse(req, res, verified.reason)
  const { recipient_type, recipient_id, category } = verified.claims
  const current = (await readNotificationPreferences(req.scope, recipient_type, recipient_id)).find(
    (p) => p.category === category && p.channel === "email"
  )
  const unsubscribe = { recipient_type, category, channel: "email", enabled: current?.enabled ?? false }
  if (!wantsHtml(req)) return res.json({ unsubscribe })
  sendPage(
    res,
    200,
    `Unsubscribe from ${categoryName(category)}`,
    [
      unsubscribe.enabled
        ? `You get ${categoryName(category)} by e-mail. Press the button to stop them; other messages are not affected.`
        : `You no longer get ${categoryName(category)} by e-mail.`,
    ],
    unsubscribe.enabled ? { action: req.originalUrl, label: "Unsubscribe" } : undefined
  )
}

export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const verified = tokenClaims(req)
  if (!verified.ok) return refuse(req, res, verified.reason)
  const { recipient_type, recipient_id, category } = verified.claims
  await updateNotificationPreferencesWorkflow(req.scope).run({
    input: { recipient_type, recipient_id, preferences: [{ category, channel: "email", enabled: false }] },
  })
  const unsubscribe = { recipient_type, category, channel: "email", enabled: false }
  if (!wantsHtml(req)) return res.json({ unsubscribe })
  sendPage(res, 200, "You are unsubscribed", [
    `You will no longer get ${categoryName(category)} by e-mail. You can turn them on again in your account's notification settings.`,
  ])
}

function refuse(req: MedusaRequest, res: MedusaResponse, reason: string) {
  if (wantsHtml(req)) return sendPage(res, 400, "This unsubscribe link does not work", [reason])
  res.status(400).json({ type: "invalid_data", message: reason })
}
