import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { VENDOR_MODULE } from "../../../modules/vendor"
import type VendorModuleService from "../../../modules/vendor/service"
import type { OtpRequestedEvent } from "../types"

/** Where a one-time code goes: the account's own auth identity and address. */
export type OtpRecipient = {
  auth_identity_id: string
  identifier: string
  actor_type: OtpRequestedEvent["actor_type"]
  channel: OtpRequestedEvent["channel"]
  /** The e-mail (the identifier itself) or the account's phone number. */
  to: string
}

/**
 * Finds the account a code was asked for: the emailpass login of that e-mail
 * whose identity really is that actor (app_metadata `${actor_type}_id`; one
 * identity may be a customer and a vendor member), and for SMS the phone on
 * the customer's or vendor member's own record (a member sets it with POST
 * /vendor/me/member). No account, or no phone: null, and nothing is sent
 * (the request route answered 201 either way).
 */
export const findOtpRecipientStep = createStep("find-otp-recipient", async (input: OtpRequestedEvent, { container }) => {
  const auth = container.resolve(Modules.AUTH)
  const [login] = await auth.listProviderIdentities(
    { entity_id: input.identifier, provider: "emailpass" },
    { select: ["auth_identity_id"] }
  )
  if (!login?.auth_identity_id) return new StepResponse(null)
  const identity = await auth.retrieveAuthIdentity(login.auth_identity_id, { select: ["id", "app_metadata"] })
  const actorId = identity.app_metadata?.[`${input.actor_type}_id`]
  if (typeof actorId !== "string" || !actorId) return new StepResponse(null)

  let to = input.identifier
  if (input.channel === "sms") {
    // The actor's own record: customer.phone, or vendor_member.phone (app_metadata.vendor_id is the member id).
    let phone: string | null | undefined
    if (input.actor_type === "customer") {
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "customer",
        fields: ["id", "phone"],
        filters: { id: actorId },
      })
      phone = (data[0] as { phone?: string | null } | undefined)?.phone
    } else {
      const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
      phone = (await vendors.listVendorMembers({ id: actorId }, { select: ["id", "phone"] }))[0]?.phone
    }
    if (!phone) return new StepResponse(null)
    to = phone
  }
  const recipient: OtpRecipient = {
    auth_identity_id: identity.id,
    identifier: input.identifier,
    actor_type: input.actor_type,
    channel: input.channel,
    to,
  }
  return new StepResponse(recipient)
})
