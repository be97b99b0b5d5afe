import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CreateNotificationDTO, MedusaContainer } from "@medusajs/framework/types"
import { NOTIFICATION_PREFERENCE_MODULE } from "../../../modules/notification-preference"
import type NotificationPreferenceModuleService from "../../../modules/notification-preference/service"
import { recipientKey, type Recipient } from "../../../modules/notification-preference/service"
import { isCategoryOf, UNSUBSCRIBE_CATEGORIES, type Preference } from "../../../modules/notification-preference/categories"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
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
 * renders (and the SendGrid provider puts in List-Unsubscribe).
 *
 * SMS by preference: every non-security e-mail to a person whose `sms`
 * preference for that category is on, and who has a phone number on record
 * (customer.phone, vendor_member.phone), also goes out as an SMS: same
 * template and data (the provider sends the template's short form), to the
 * phone, idempotency key `<key>:sms`. The two channels are decided apart, so
 * "SMS only" (e-mail off, SMS on) works. Reads only: one query per recipient
 * type for the phones, none when nobody has SMS on.
 *
 * A message the recipient asked for (`requested`, e.g. an SMS stock alert)
 * goes out unless the recipient saved that category × channel as off: the
 * request is consent for that one message, an explicit opt-out outranks it.
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

    const wants = (recipient: Recipient, category: string, channel: string) =>
      !!preferences.get(recipientKey(recipient))?.find((p: Preference) => p.category === category && p.channel === channel)?.enabled
    // Requested messages need the saved choice itself (the effective preferences merge in the defaults).
    const saved = await savedChoices(
      service,
      withPreferences.filter((n) => n.requested)
    )
    const allowed = (n: OutgoingNotification) =>
      n.requested
        ? saved.get(`${recipientKey(n.recipient!)}|${n.category}|${n.channel}`) !== false
        : wants(n.recipient!, n.category, n.channel)
    // E-mails that also go out as SMS, unless the sender already sends that template to the person by SMS.
    const smsAlready = new Set(
      input.notifications.filter((n) => n.channel === "sms" && n.recipient).map((n) => `${recipientKey(n.recipient!)}|${n.template}`)
    )
    const smsCopyOf = (n: OutgoingNotification) =>
      n.channel === "email" &&
      n.category !== "security" &&
      !!n.recipient &&
      wants(n.recipient, n.category, "sms") &&
      !smsAlready.has(`${recipientKey(n.recipient)}|${n.template}`)
    const phones = await phonesOf(
      container,
      input.notifications.filter(smsCopyOf).map((n) => n.recipient!)
    )

    const send: CreateNotificationDTO[] = []
    const smsCopies: CreateNotificationDTO[] = []
    const skipped: SkippedNotification[] = []
    for (const n of input.notifications) {
      const { category, recipient, requested: _requested, ...message } = n
      const data = { ...(n.data ?? {}) }
      if (smsCopyOf(n)) {
        const phone = phones.get(recipientKey(recipient!))
        if (phone) {
          smsCopies.push({
            ...message,
            to: phone,
            channel: "sms",
            data: { ...(n.data ?? {}) },
            idempotency_key: n.idempotency_key ? `${n.idempotency_key}:sms` : undefined,
            receiver_id: recipient!.id,
          })
        } else {
          skipped.push({ to: n.to, template: n.template, channel: "sms", category, reason: `${recipient!.type} has no phone number` })
        }
      }
      if (category !== "security" && recipient) {
        if (!allowed(n)) {
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
    // The SMS copies after the e-mails; each is its own row with its own key.
    return new StepResponse({ send: [...send, ...smsCopies], skipped })
  }
)

/** The choices the recipients of these messages saved for the messages' category × channel ("<recipient>|<category>|<channel>" → enabled); one query per recipient type, none for no messages. */
async function savedChoices(service: NotificationPreferenceModuleService, messages: OutgoingNotification[]): Promise<Map<string, boolean>> {
  const out = new Map<string, boolean>()
  const byType = new Map<Recipient["type"], Set<string>>()
  for (const n of messages) byType.set(n.recipient!.type, (byType.get(n.recipient!.type) ?? new Set()).add(n.recipient!.id))
  for (const [type, ids] of byType) {
    const rows = await service.listNotificationPreferences(
      { recipient_type: type, recipient_id: [...ids] },
      { select: ["recipient_id", "category", "channel", "enabled"] }
    )
    for (const r of rows) out.set(`${recipientKey({ type, id: r.recipient_id })}|${r.category}|${r.channel}`, r.enabled)
  }
  return out
}

/** The phone number of each recipient that has one: one query per recipient type (modules may not import each other; workflows resolve both). */
async function phonesOf(container: MedusaContainer, recipients: Recipient[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const ids = (type: Recipient["type"]) => [...new Set(recipients.filter((r) => r.type === type).map((r) => r.id))]
  const customers = ids("customer")
  if (customers.length) {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "customer",
      fields: ["id", "phone"],
      filters: { id: customers },
    })
    for (const c of data as { id: string; phone?: string | null }[])
      if (c.phone) out.set(recipientKey({ type: "customer", id: c.id }), c.phone)
  }
  const members = ids("vendor_member")
  if (members.length) {
    const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
    for (const m of await vendors.listVendorMembers({ id: members }, { select: ["id", "phone"] }))
      if (m.phone) out.set(recipientKey({ type: "vendor_member", id: m.id }), m.phone)
  }
  return out
}
