import type { Channel, PreferenceCategory, RecipientType } from "../../modules/notification-preference/categories"

/**
 * One message for sendNotificationsWorkflow, the one way Lilium sends a
 * notification. The sender says what the message is about (`category`, or
 * "security" for messages that always go out: resets, codes, verification,
 * invites, payout-destination changes) and whose preferences decide
 * (`recipient`: a customer or vendor member id; null for an address that
 * belongs to no person with preferences, such as a vendor's company e-mail
 * or an invitee).
 */
export type OutgoingNotification = {
  to: string
  channel: Channel
  template: string
  category: PreferenceCategory | "security"
  recipient: { type: RecipientType; id: string } | null
  data?: Record<string, unknown>
  /**
   * The recipient asked for this very message on this channel (a stock alert
   * they subscribed to by SMS): it counts as their opt-in for this one
   * message, so a channel that is off by default (SMS) goes out. A choice the
   * recipient saved for the category and channel still decides: saved off
   * means not sent. Without the flag, only the saved choice or the default.
   */
  requested?: boolean
  /** As before: one message per key, however often the event is replayed. */
  idempotency_key?: string
  resource_id?: string
  resource_type?: string
  trigger_type?: string
}

export type SkippedNotification = { to: string; template: string; channel: Channel; category: string; reason: string }

export type SendNotificationsInput = { notifications: OutgoingNotification[] }
export type SendNotificationsResult = { sent: string[]; skipped: SkippedNotification[] }

export const UNSUBSCRIBE_PATH = "/hooks/notifications/unsubscribe"
