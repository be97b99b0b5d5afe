import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  codeDigest,
  generateCode,
  OTP_PROVIDER,
  OTP_TTL_SECONDS,
  otpProviderSecret,
  resendBlocked,
  type OtpState,
} from "../../../lib/one-time-code"
import type { OtpRecipient } from "./find-otp-recipient"
import { sendNotificationsWorkflow } from "../../notification/workflows/send-notifications"

/** The otp login as it was before, for the compensation: null when this step created it. */
type PreviousOtpLogin = { id: string; provider_metadata: Record<string, unknown> | null; created: boolean }

/**
 * Makes a code, stores only its digest on the account's `otp` login (created
 * on the account's own auth identity the first time, so a code sign-in is
 * the same identity as a password one), then sends it (template `otp-code`,
 * a security message: preferences do not apply). The code is made, stored
 * and handed to the sender inside this step, so it is in none of this
 * workflow's step results (the message's own data carries it, as the
 * contract's `data.code` says). Within OTP_RESEND_SECONDS of the
 * last code nothing is issued and the earlier code stays valid. If sending
 * fails, the previous state is put back, so a failed send does not start the
 * resend wait or kill the earlier code.
 */
export const issueOtpCodeStep = createStep(
  "issue-otp-code",
  async (recipient: OtpRecipient | null, { container }) => {
    if (!recipient) return new StepResponse({ issued: false }, null as PreviousOtpLogin | null)
    const auth = container.resolve(Modules.AUTH)
    const [existing] = await auth.listProviderIdentities(
      { entity_id: recipient.identifier, provider: OTP_PROVIDER },
      { select: ["id", "auth_identity_id", "provider_metadata"] }
    )
    // An otp login of another identity under this address would let a code sign in someone else: refuse.
    if (existing && existing.auth_identity_id !== recipient.auth_identity_id) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "The sign-in code login of this address belongs to another identity.")
    }
    const previousState = (existing?.provider_metadata?.otp ?? null) as OtpState | null
    if (resendBlocked(previousState)) return new StepResponse({ issued: false }, null as PreviousOtpLogin | null)

    const secret = otpProviderSecret(container.resolve(ContainerRegistrationKeys.CONFIG_MODULE))
    if (!secret)
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        'The otp auth provider is not configured (auth module provider id "otp" with options.secret).'
      )
    const code = generateCode()
    const now = new Date()
    const state: OtpState = {
      digest: codeDigest(secret, { actor_type: recipient.actor_type, identifier: recipient.identifier, code }),
      actor_type: recipient.actor_type,
      channel: recipient.channel,
      issued_at: now.toISOString(),
      expires_at: new Date(now.getTime() + OTP_TTL_SECONDS * 1000).toISOString(),
      attempts: 0,
    }
    let previous: PreviousOtpLogin
    if (existing) {
      previous = { id: existing.id, provider_metadata: existing.provider_metadata ?? null, created: false }
      await auth.updateProviderIdentities({ id: existing.id, provider_metadata: { ...(existing.provider_metadata ?? {}), otp: state } })
    } else {
      const [created] = await auth.createProviderIdentities([
        {
          auth_identity_id: recipient.auth_identity_id,
          provider: OTP_PROVIDER,
          entity_id: recipient.identifier,
          provider_metadata: { otp: state },
        },
      ])
      previous = { id: created.id, provider_metadata: null, created: true }
    }

    try {
      // The one sender (a security message: preferences do not apply); a workflow run inside this step.
      await sendNotificationsWorkflow(container).run({
        input: {
          notifications: [
            {
              to: recipient.to,
              channel: recipient.channel,
              template: "otp-code",
              category: "security",
              recipient: null,
              trigger_type: "auth.otp_requested",
              resource_type: "auth_identity",
              resource_id: recipient.auth_identity_id,
              data: { code, expires_in_minutes: OTP_TTL_SECONDS / 60, actor_type: recipient.actor_type },
            },
          ],
        },
      })
    } catch (e) {
      await restore(container, previous)
      throw e
    }
    return new StepResponse({ issued: true }, previous)
  },
  async (previous, { container }) => {
    if (previous) await restore(container, previous)
  }
)

async function restore(container: MedusaContainer, previous: PreviousOtpLogin) {
  const auth = container.resolve(Modules.AUTH)
  if (previous.created) await auth.deleteProviderIdentities([previous.id])
  else await auth.updateProviderIdentities({ id: previous.id, provider_metadata: previous.provider_metadata ?? {} })
}
