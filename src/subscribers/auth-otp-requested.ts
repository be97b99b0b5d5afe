import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { issueOtpCodeWorkflow } from "../workflows/account/workflows/issue-otp-code"
import { OTP_REQUESTED, type OtpRequestedEvent } from "../workflows/account/types"

/** Sends the one-time sign-in code asked for at POST /auth/{customer|vendor}/otp/request (decision 57). */
export default async function authOtpRequested({ event, container }: SubscriberArgs<OtpRequestedEvent>) {
  await issueOtpCodeWorkflow(container).run({ input: event.data })
}

export const config: SubscriberConfig = { event: OTP_REQUESTED }
