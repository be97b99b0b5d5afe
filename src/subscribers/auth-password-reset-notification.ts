import { createHash } from "crypto"
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"
import { adminUrl, storefrontUrl, vendorPanelUrl } from "../options"

/** Medusa's auth.password_reset payload (generateResetPasswordTokenWorkflow); `metadata` is the client's and is ignored. */
type PasswordReset = { entity_id: string; actor_type: string; token: string }

// Medusa's reset token lives 15 minutes (RESET_PASSWORD_TOKEN_TTL_SECONDS, not configurable).
const TOKEN_MINUTES = 15

/** The page that takes the token, per actor type; other actor types get no e-mail. */
const RESET_PAGES: Record<string, () => string> = {
  customer: () => `${storefrontUrl()}/reset-password`,
  vendor: () => `${vendorPanelUrl()}/reset-password`,
  // Medusa's dashboard route (reads `token`).
  user: () => `${adminUrl()}/reset-password`,
}

/**
 * Emails the reset link. The emailpass identity is shared by every actor of
 * one e-mail address, and Medusa emits the event for any actor type in the
 * URL, so the link goes out only when the identity really is that actor
 * (app_metadata `${actor_type}_id`): a customer reset for a vendor-only
 * address sends nothing.
 */
export default async function authPasswordResetNotification({ event, container }: SubscriberArgs<PasswordReset>) {
  const { entity_id: email, actor_type, token } = event.data
  const page = RESET_PAGES[actor_type]
  if (!page || !email || !token) return
  const auth = container.resolve(Modules.AUTH)
  const [provider] = await auth.listProviderIdentities({ entity_id: email, provider: "emailpass" }, { select: ["auth_identity_id"] })
  if (!provider?.auth_identity_id) return
  const identity = await auth.retrieveAuthIdentity(provider.auth_identity_id, { select: ["id", "app_metadata"] })
  if (!identity.app_metadata?.[`${actor_type}_id`]) return

  const query = new URLSearchParams({ token, email })
  await sendNotificationsWorkflow(container).run({
    input: {
      notifications: [
        {
          to: email,
          channel: "email",
          template: "password-reset",
          // Security mail: always sent, whatever the person's preferences.
          category: "security",
          recipient: null,
          // One e-mail per token; the token itself is not the key (keys are stored in clear).
          idempotency_key: `password-reset-${createHash("sha256").update(token).digest("hex").slice(0, 32)}`,
          data: { reset_url: `${page()}?${query}`, actor_type, expires_in_minutes: TOKEN_MINUTES },
        },
      ],
    },
  })
}

export const config: SubscriberConfig = { event: "auth.password_reset" }
