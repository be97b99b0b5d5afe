import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AuthEvents, Modules } from "@medusajs/framework/utils"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"

type MfaEvent = { auth_identity_id: string; mfa_id?: string; provider?: string; count?: number }

const CHANGES: Record<string, string> = {
  [AuthEvents.MFA_ENABLED]: "enabled",
  [AuthEvents.MFA_DISABLED]: "disabled",
  [AuthEvents.MFA_RECOVERY_CODES_GENERATED]: "recovery_codes",
}

/**
 * Tells the account's own address when its two-factor authentication was
 * turned on or off or its recovery codes were replaced (Medusa's MFA
 * events): a security notice, always sent. The address is the identity's
 * emailpass login; an identity without one gets nothing.
 */
export default async function authTwoFactorChangedNotification({ event, container }: SubscriberArgs<MfaEvent>) {
  const change = CHANGES[event.name]
  if (!change || !event.data?.auth_identity_id) return
  const [login] = await container
    .resolve(Modules.AUTH)
    .listProviderIdentities({ auth_identity_id: event.data.auth_identity_id, provider: "emailpass" }, { select: ["entity_id"] })
  if (!login?.entity_id) return
  await sendNotificationsWorkflow(container).run({
    input: {
      notifications: [
        {
          to: login.entity_id,
          channel: "email",
          template: "two-factor-changed",
          category: "security",
          recipient: null,
          trigger_type: event.name,
          resource_type: "auth_identity",
          resource_id: event.data.auth_identity_id,
          data: { change },
        },
      ],
    },
  })
}

export const config: SubscriberConfig = {
  event: [AuthEvents.MFA_ENABLED, AuthEvents.MFA_DISABLED, AuthEvents.MFA_RECOVERY_CODES_GENERATED],
}
