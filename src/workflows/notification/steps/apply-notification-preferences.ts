import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { NOTIFICATION_PREFERENCE_MODULE } from "../../../modules/notification-preference"
import type NotificationPreferenceModuleService from "../../../modules/notification-preference/service"
import { recipientKey } from "../../../modules/notification-preference/service"
import { isCategoryOf, UNSUBSCRIBE_CATEGORIES } from "../../../modules/notification-preference/categories"
import { signUnsubscribeToken, unsubscribeSecret } from "../../../modules/notification-preference/unsubscribe-token"
import { templateCategory, TEMPLATES } from "../../../lib/notification-templates"
import { backendUrl } from "../../../options"
import { UNSUBSCRIBE_PATH, type OutgoingNotification, type SkippedNotification } from "../types"

/**
 * Decides which messages go out: security messages and messages without a
 * person always; the others only when the recipient's preference for that
 * category and channel is on (stored, else the default). Every e-mail to a
 * person that is not a security message gets a signed one-click unsubscribe
 * link for its category in `data.unsubscribe_url`, which the shared layout
 * renders (and the SendGrid provider puts in List-Unsubscribe). Reads only.
 */
export const applyNotificationPreferencesStep = createStep(
  "apply-notification-preferences",
  async (input: { notifications: OutgoingNotification[] }, { container }) => {
    for (const n of input.notifications) {
      // A sender's mistake, caught in every environment rather than silently mis-filed.
      if (TEMPLATES[n.template] && templateCategory(n.template) !== n.category) {
        throw new Error(`Notification ${n.template} is declared as ${n.category}, but its template is ${templateCategory(n.template)}`)
      }
      if (n.category !== "security" && n.recipient && !isCategoryOf(n.recipient.type, n.category)) {
        throw new Error(`A ${n.recipient.type} has no notification category ${n.category} (template ${n.template})`)
      }
    }
    const withPreferences = input.notifications.filter((n) => n.category !== "security" && n.recipient)
    const service: NotificationPreferenceModuleService = container.resolve(NOTIFICATION_PREFERENCE_MODULE)
    const preferences = withPreferences.length ? await service.effectiveFor(withPreferences.map((n) => n.recipient!)) : new Map()
    const secret = () => unsubscribeSecret(container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret)

    const send: CreateNotificationDTO[] = []
    const skipped: SkippedNotification[] = []
    for (const n of input.notifications) {
      const { category, recipient, ...message } = n
      const data = { ...(n.data ?? {}) }
      if (category !== "security" && recipient) {
        const chosen = preferences.get(recipientKey(recipient))?.find((p) => p.category === category && p.channel === n.channel)
        if (!chosen?.enabled) {
          skipped.push({ to: n.to, template: n.template, channel: n.channel, category, reason: `${recipient.type} opted out` })
          continue
        }
        if (n.channel === "email" && UNSUBSCRIBE_CATEGORIES.includes(category)) {
          const token = signUnsubscribeToken({ recipient_type: recipient.type, recipient_id: recipient.id, category }, secret())
          data.unsubscribe_url = `${backendUrl()}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`
        }
      }
      // receiver_id records whose preferences decided (Medusa's column for it).
      send.push({ ...message, data, receiver_id: recipient?.id ?? message.to })
    }
    return new StepResponse({ send, skipped })
  }
)
