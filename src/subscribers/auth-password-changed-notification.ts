import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"
import type { PasswordChangedEvent } from "../workflows/account/types"

/**
 * Tells the account's address that its password was changed or reset (and
 * every other session signed out): the owner's only signal of a change they
 * did not make. A security message, so preferences do not apply; one per
 * change (the event's identity and second).
 */
export default async function authPasswordChangedNotification({ event, container }: SubscriberArgs<PasswordChangedEvent>) {
  const { email, actor_type, reason, auth_identity_id } = event.data
  if (!email) return
  await sendNotificationsWorkflow(container).run({
    input: {
      notifications: [
        {
          to: email,
          channel: "email",
          template: "password-changed",
          category: "security",
          recipient: null,
          trigger_type: "auth.password_changed",
          resource_type: "auth_identity",
          resource_id: auth_identity_id,
          data: { reason, actor_type },
        },
      ],
    },
  })
}

export const config: SubscriberConfig = { event: "auth.password_changed" }
