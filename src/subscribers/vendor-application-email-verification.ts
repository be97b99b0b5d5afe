import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { requestOwnEmailVerification, vendorOwnerEmailVerification } from "../lib/email-verification"

/**
 * A vendor application (a `pending` vendor) e-mails its owner a verification
 * link for the address they sign in with: the operator can approve the
 * vendor only once it is confirmed (assertOwnerEmailVerifiedStep).
 */
export default async function vendorApplicationEmailVerification({ event, container }: SubscriberArgs<{ id: string; status: string }>) {
  if (event.data.status !== "pending") return
  const owner = await vendorOwnerEmailVerification(container, event.data.id)
  if (!owner.auth_identity_id || owner.verified) return
  await requestOwnEmailVerification(container, owner.auth_identity_id, "vendor")
}

export const config: SubscriberConfig = { event: "vendor.created" }
