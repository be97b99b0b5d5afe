import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NOTIFICATION_PREFERENCE_MODULE } from "../../../modules/notification-preference"
import type NotificationPreferenceModuleService from "../../../modules/notification-preference/service"
import type { Preference, RecipientType } from "../../../modules/notification-preference/categories"

export type UpsertNotificationPreferencesInput = { recipient_type: RecipientType; recipient_id: string; preferences: Preference[] }

type Undo = { created: string[]; restored: { id: string; enabled: boolean }[] }

/**
 * Stores the given choices for one recipient: updates the rows that exist,
 * creates the others. The compensation deletes the rows it created and puts
 * the previous values back on the ones it changed.
 */
export const upsertNotificationPreferencesStep = createStep(
  "upsert-notification-preferences",
  async (input: UpsertNotificationPreferencesInput, { container }) => {
    const service: NotificationPreferenceModuleService = container.resolve(NOTIFICATION_PREFERENCE_MODULE)
    const existing = await service.listNotificationPreferences({
      recipient_type: input.recipient_type,
      recipient_id: input.recipient_id,
    })
    const byKey = new Map(existing.map((r) => [`${r.category}:${r.channel}`, r]))
    const undo: Undo = { created: [], restored: [] }
    const updates: { id: string; enabled: boolean }[] = []
    const creates: {
      recipient_type: RecipientType
      recipient_id: string
      category: string
      channel: Preference["channel"]
      enabled: boolean
    }[] = []
    for (const p of input.preferences) {
      const row = byKey.get(`${p.category}:${p.channel}`)
      if (row) {
        if (row.enabled !== p.enabled) {
          updates.push({ id: row.id, enabled: p.enabled })
          undo.restored.push({ id: row.id, enabled: row.enabled })
        }
      } else {
        creates.push({
          recipient_type: input.recipient_type,
          recipient_id: input.recipient_id,
          category: p.category,
          channel: p.channel,
          enabled: p.enabled,
        })
      }
    }
    if (updates.length) await service.updateNotificationPreferences(updates)
    if (creates.length) undo.created = (await service.createNotificationPreferences(creates)).map((r) => r.id)
    return new StepResponse(undefined, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: NotificationPreferenceModuleService = container.resolve(NOTIFICATION_PREFERENCE_MODULE)
    if (undo.created.length) await service.deleteNotificationPreferences(undo.created)
    if (undo.restored.length) await service.updateNotificationPreferences(undo.restored)
  }
)
