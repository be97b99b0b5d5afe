/**
 * Who may choose which messages they get, and what they get when they have
 * not chosen (the contract in API.md, "Accounts and sign-in"). Pure: the
 * service, the send workflow and the routes share these tables.
 */
export const RECIPIENT_TYPES = ["customer", "vendor_member"] as const
export type RecipientType = (typeof RECIPIENT_TYPES)[number]

export const CHANNELS = ["email", "sms"] as const
export type Channel = (typeof CHANNELS)[number]

export const CUSTOMER_CATEGORIES = ["orders", "shipping", "stock_alerts", "marketing"] as const
export const VENDOR_MEMBER_CATEGORIES = ["orders", "payouts", "account"] as const
export type CustomerCategory = (typeof CUSTOMER_CATEGORIES)[number]
export type VendorMemberCategory = (typeof VENDOR_MEMBER_CATEGORIES)[number]
export type PreferenceCategory = CustomerCategory | VendorMemberCategory

export const CATEGORIES: Record<RecipientType, readonly PreferenceCategory[]> = {
  customer: CUSTOMER_CATEGORIES,
  vendor_member: VENDOR_MEMBER_CATEGORIES,
}

/**
 * Categories whose e-mail carries a signed one-click unsubscribe link (RFC
 * 8058): every category a person can turn off, so every non-security e-mail
 * to a customer or vendor member has a working link in its footer. Security
 * mail has none (it cannot be turned off).
 */
export const UNSUBSCRIBE_CATEGORIES: readonly PreferenceCategory[] = [...new Set([...CUSTOMER_CATEGORIES, ...VENDOR_MEMBER_CATEGORIES])]

export type Preference = { category: PreferenceCategory; channel: Channel; enabled: boolean }

export const isCategoryOf = (type: RecipientType, category: string): category is PreferenceCategory =>
  (CATEGORIES[type] as readonly string[]).includes(category)

/**
 * The answer when a person has not chosen:
 * - e-mail on for every transactional category (orders, shipping, payouts,
 *   account, and stock alerts, which the customer asked for one by one);
 * - marketing off until the customer opts in (consent first: GDPR/ePrivacy);
 * - SMS off everywhere until opted in: it costs per message and Lilium has
 *   no verified phone number for members. A stock alert or one-time code
 *   the person requests for SMS is sent on that request's own channel.
 */
export function defaultEnabled(category: PreferenceCategory, channel: Channel): boolean {
  if (channel === "sms") return false
  return category !== "marketing"
}

/** Every category × channel of the recipient type, stored rows over the defaults, in a stable order. */
export function effectivePreferences(type: RecipientType, stored: { category: string; channel: string; enabled: boolean }[]): Preference[] {
  const chosen = new Map(stored.map((r) => [`${r.category}:${r.channel}`, r.enabled]))
  return CATEGORIES[type].flatMap((category) =>
    CHANNELS.map((channel) => ({ category, channel, enabled: chosen.get(`${category}:${channel}`) ?? defaultEnabled(category, channel) }))
  )
}
