import { createHash } from "crypto"
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { storefrontUrl, vendorPanelUrl } from "../options"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"
import { EMAIL_ENTITY_TYPE, emailpassEmail, VERIFICATION_CODE_PROVIDER } from "../lib/email-verification"

/** Medusa's auth.verification_requested payload (requestVerificationWorkflow). */
type VerificationRequested = {
  entity_id: string
  entity_type: string
  code_provider: string
  auth_identity_id: string
  code?: string
  expires_at?: string | Date
  metadata?: Record<string, unknown> | null
}

/** The page that confirms the code, per actor type. */
const VERIFY_PAGES = {
  customer: () => `${storefrontUrl()}/verify-email`,
  vendor: () => `${vendorPanelUrl()}/verify-email`,
} as const
type PageActor = keyof typeof VERIFY_PAGES

/**
 * E-mails the verification link (template `email-verification`, security
 * category: always sent). The request's entity_id is the client's choice, so
 * the link goes out only when it is the identity's own sign-in address (its
 * emailpass entity_id); anything else sends nothing, so the route cannot be
 * used to mail strangers. The page is the vendor panel or the storefront:
 * the request's metadata.actor_type when it names one, else the identity's
 * vendor login, else the storefront.
 */
export default async function authVerificationNotification({ event, container }: SubscriberArgs<VerificationRequested>) {
  const { entity_id, entity_type, code_provider, auth_identity_id, code, expires_at, metadata } = event.data
  if (entity_type !== EMAIL_ENTITY_TYPE || code_provider !== VERIFICATION_CODE_PROVIDER || !code || !auth_identity_id) return
  const own = await emailpassEmail(container, auth_identity_id)
  if (!own || own !== entity_id) return

  const identity = await container.resolve(Modules.AUTH).retrieveAuthIdentity(auth_identity_id, { select: ["id", "app_metadata"] })
  const hint = metadata?.actor_type
  const actor: PageActor = hint === "customer" || hint === "vendor" ? hint : identity.app_metadata?.vendor_id ? "vendor" : "customer"

  const query = new URLSearchParams({ token: code, email: own })
  await sendNotificationsWorkflow(container).run({
    input: {
      notifications: [
        {
          to: own,
          channel: "email",
          template: "email-verification",
          // Security mail: always sent, whatever the person's preferences.
          category: "security",
          recipient: null,
          // One e-mail per code; the code itself is not the key (keys are stored in clear).
          idempotency_key: `email-verification-${createHash("sha256").update(code).digest("hex").slice(0, 32)}`,
          data: {
            verify_url: `${VERIFY_PAGES[actor]()}?${query}`,
            actor_type: actor,
            expires_at: expires_at ? new Date(expires_at).toISOString() : null,
          },
        },
      ],
    },
  })
}

export const config: SubscriberConfig = { event: "auth.verification_requested" }
