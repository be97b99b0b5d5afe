import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { normalizeIdentifier, type OtpActorType } from "../../../../../lib/one-time-code"
import type { RequestOtpCodeType } from "../../../validators"
import { OTP_REQUESTED, type OtpRequestedEvent } from "../../../../../workflows/account/types"

/**
 * POST /auth/{customer|vendor}/otp/request: asks for a one-time sign-in code.
 * The answer is 201 and empty whatever the identifier: the route only emits
 * `auth.otp_requested`, and a subscriber looks the account up, applies the
 * resend throttle and sends the code. So an unknown address, a throttled one
 * and a real one take the same path here and the same time.
 */
export async function POST(req: MedusaRequest<RequestOtpCodeType>, res: MedusaResponse) {
  const body = req.validatedBody as RequestOtpCodeType
  const data: OtpRequestedEvent = {
    actor_type: req.params.actor_type as OtpActorType,
    identifier: normalizeIdentifier(body.identifier),
    channel: body.channel ?? "email",
  }
  await req.scope.resolve(Modules.EVENT_BUS).emit({ name: OTP_REQUESTED, data })
  res.sendStatus(201)
}
