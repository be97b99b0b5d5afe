import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { requestVerificationWorkflow } from "@medusajs/medusa/core-flows"

/**
 * E-mail verification (issue 16, item 5) on Medusa's verification records:
 * `POST /auth/verification/request` (or requestVerificationWorkflow) creates
 * an auth_verification row for (auth identity, entity_type "email",
 * entity_id), the `token` provider's code goes out by e-mail, and
 * `POST /auth/verification/confirm` sets verified_at. An address counts as
 * verified only for the identity that signs in with it (its emailpass
 * provider identity), so a row for some other address proves nothing.
 */
export const EMAIL_ENTITY_TYPE = "email"
export const VERIFICATION_CODE_PROVIDER = "token"

/** The e-mail an auth identity signs in with (its emailpass provider identity), or null. */
export async function emailpassEmail(container: MedusaContainer, authIdentityId: string): Promise<string | null> {
  const [provider] = await container
    .resolve(Modules.AUTH)
    .listProviderIdentities({ auth_identity_id: authIdentityId, provider: "emailpass" }, { select: ["entity_id"], take: 1 })
  return provider?.entity_id ?? null
}

/** The identity has confirmed this address. */
export async function isEmailVerified(container: MedusaContainer, authIdentityId: string, email: string): Promise<boolean> {
  const rows = await container
    .resolve(Modules.AUTH)
    .listAuthVerifications(
      { auth_identity_id: authIdentityId, entity_type: EMAIL_ENTITY_TYPE, entity_id: email },
      { select: ["id", "verified_at"] }
    )
  return rows.some((r) => !!r.verified_at)
}

export type OwnerEmailVerification = {
  /** The owner member's login e-mail (what must be verified), else the member's e-mail; null without an owner. */
  email: string | null
  /** The owner's login (auth identity), when the owner has one. */
  auth_identity_id: string | null
  verified: boolean
}

/** The vendor's owner: who signs in as them, and whether that address is verified. */
export async function vendorOwnerEmailVerification(container: MedusaContainer, vendorId: string): Promise<OwnerEmailVerification> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: members } = await query.graph({
    entity: "vendor_member",
    fields: ["id", "email", "role", "created_at"],
    filters: { vendor_id: vendorId, role: "owner" },
  })
  const owner = [...members].sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())[0]
  if (!owner) return { email: null, auth_identity_id: null, verified: false }
  // The owner's login: the identity whose app_metadata.vendor_id is the member (linkVendorLoginStep).
  const [identity] = await container
    .resolve(Modules.AUTH)
    .listAuthIdentities({ app_metadata: { vendor_id: owner.id } }, { select: ["id"], take: 1 })
  if (!identity) return { email: owner.email, auth_identity_id: null, verified: false }
  const email = (await emailpassEmail(container, identity.id)) ?? owner.email
  return { email, auth_identity_id: identity.id, verified: await isEmailVerified(container, identity.id, email) }
}

/**
 * Asks Medusa for a verification of the identity's own sign-in address
 * (requestVerificationWorkflow: a new code, `auth.verification_requested`,
 * whose subscriber e-mails the link). Nothing when the identity has no
 * e-mail login or the address is already verified. `actor_type` picks the
 * page the link opens (vendor panel or storefront).
 */
export async function requestOwnEmailVerification(
  container: MedusaContainer,
  authIdentityId: string,
  actorType: "customer" | "vendor"
): Promise<boolean> {
  const email = await emailpassEmail(container, authIdentityId)
  if (!email || (await isEmailVerified(container, authIdentityId, email))) return false
  await requestVerificationWorkflow(container).run({
    input: {
      auth_identity_id: authIdentityId,
      entity_id: email,
      entity_type: EMAIL_ENTITY_TYPE,
      code_provider: VERIFICATION_CODE_PROVIDER,
      metadata: { actor_type: actorType },
    },
  })
  return true
}
