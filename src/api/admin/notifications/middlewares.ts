import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { redactSecrets } from "../../../lib/notification-templates"

type NotificationLike = { template?: string; data?: Record<string, unknown> | null }

const redact = (n: NotificationLike) =>
  n && typeof n === "object" && typeof n.template === "string" ? { ...n, data: redactSecrets(n.template, n.data) } : n

/**
 * Medusa's GET /admin/notifications and /admin/notifications/:id answer
 * each notification's data as it was sent, which for security mail is a
 * credential: a sign-in code, a password-reset, verification or invite
 * link. An operator reading the log could act as the customer or vendor.
 * The response is masked here (redactSecrets), whatever `fields` asked for.
 */
export function redactNotificationSecrets(_req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const json = res.json.bind(res)
  res.json = (body: unknown) => {
    if (body && typeof body === "object") {
      const b = body as { notifications?: NotificationLike[]; notification?: NotificationLike }
      if (Array.isArray(b.notifications)) return json({ ...b, notifications: b.notifications.map(redact) })
      if (b.notification) return json({ ...b, notification: redact(b.notification) })
    }
    return json(body)
  }
  next()
}

export const adminNotificationRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/notifications*", method: ["GET"], middlewares: [redactNotificationSecrets] },
]
