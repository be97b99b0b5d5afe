import type { MedusaContainer } from "@medusajs/framework/types"
import { z } from "@medusajs/framework/zod"
import { NOTIFICATION_PREFERENCE_MODULE } from "../../modules/notification-preference"
import type NotificationPreferenceModuleService from "../../modules/notification-preference/service"
import { CHANNELS, type Preference, type PreferenceCategory, type RecipientType } from "../../modules/notification-preference/categories"

/**
 * The body of POST …/notification-preferences for one kind of person: only
 * that person's categories, email or sms, a real boolean, and each
 * (category, channel) at most once, so a body never says two things.
 */
export function notificationPreferencesBody(categories: readonly PreferenceCategory[]) {
  const entry = z
    .object({
      category: z.enum(categories as [PreferenceCategory, ...PreferenceCategory[]]),
      channel: z.enum(CHANNELS),
      enabled: z.boolean(),
    })
    .strict()
  return z
    .object({
      preferences: z
        .array(entry)
        .min(1, "preferences must name at least one category and channel")
        .max(categories.length * CHANNELS.length, "preferences has more entries than there are categories and channels")
        .superRefine((list, ctx) => {
          const seen = new Set<string>()
          list.forEach((p, i) => {
            const key = `${p.category}:${p.channel}`
            if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i], message: `${p.category}/${p.channel} is given more than once` })
            seen.add(key)
          })
        }),
    })
    .strict()
}

export type NotificationPreferencesBody = { preferences: Preference[] }

/** Every category × channel of one person, stored choices over the defaults. */
export async function readNotificationPreferences(scope: MedusaContainer, type: RecipientType, id: string): Promise<Preference[]> {
  const service: NotificationPreferenceModuleService = scope.resolve(NOTIFICATION_PREFERENCE_MODULE)
  const all = await service.effectiveFor([{ type, id }])
  return all.get(`${type}:${id}`) ?? []
}
