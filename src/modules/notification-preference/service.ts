import { MedusaService } from "@medusajs/framework/utils"
import { NotificationPreference } from "./models/notification-preference"
import { effectivePreferences, type Preference, type RecipientType } from "./categories"

export type Recipient = { type: RecipientType; id: string }

/**
 * Notification preferences: one row per choice (recipient, category,
 * channel); no row means the default. Writes go through
 * updateNotificationPreferencesWorkflow; the send workflow reads here.
 */
class NotificationPreferenceModuleService extends MedusaService({ NotificationPreference }) {
  /** Every category × channel of each recipient, stored choices over the defaults; one query for all. */
  async effectiveFor(recipients: Recipient[]): Promise<Map<string, Preference[]>> {
    const out = new Map<string, Preference[]>()
    const byType = new Map<RecipientType, Set<string>>()
    for (const r of recipients) byType.set(r.type, (byType.get(r.type) ?? new Set()).add(r.id))
    for (const [type, ids] of byType) {
      const rows = await this.listNotificationPreferences(
        { recipient_type: type, recipient_id: [...ids] },
        { select: ["recipient_id", "category", "channel", "enabled"] }
      )
      for (const id of ids) {
        out.set(
          recipientKey({ type, id }),
          effectivePreferences(
            type,
            rows.filter((r) => r.recipient_id === id)
          )
        )
      }
    }
    return out
  }
}

export const recipientKey = (r: Recipient) => `${r.type}:${r.id}`

export default NotificationPreferenceModuleService
