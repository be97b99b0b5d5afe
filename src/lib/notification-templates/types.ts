import type { Data, TemplateBody } from "./layout"

/**
 * What a message is about. Security mail ignores preferences and has no
 * unsubscribe link; the others map to the preference categories of the
 * contract (customers: orders, shipping, stock_alerts, marketing; vendor
 * members: orders, payouts, account).
 */
export type TemplateCategory = "security" | "orders" | "shipping" | "stock_alerts" | "marketing" | "payouts" | "account"

export type TemplateContext = {
  /** MARKETPLACE_NAME, default "Lilium". */
  marketplace: string
  /** For Intl number formatting; "en" unless the sender gives data.locale. */
  locale: string
}

export type NotificationTemplate = {
  name: string
  category: TemplateCategory
  /** The data the sender gives: documents the keys, and the unit test renders it. */
  example: Data
  /** Data keys that are credentials (a sign-in code, a link with a token): never shown to operators (redactSecrets). */
  secrets?: string[]
  build: (data: Data, ctx: TemplateContext) => TemplateBody
}
