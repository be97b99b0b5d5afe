import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findOtpRecipientStep } from "../steps/find-otp-recipient"
import { issueOtpCodeStep } from "../steps/issue-otp-code"
import type { OtpRequestedEvent } from "../types"

/**
 * Sends a one-time sign-in code to an account that asked for one (run by
 * the auth.otp_requested subscriber, never by the request itself, so the
 * request's answer and time do not depend on the account existing).
 */
export const issueOtpCodeWorkflow = createWorkflow("issue-otp-code", (input: OtpRequestedEvent) => {
  const recipient = findOtpRecipientStep(input)
  return new WorkflowResponse(issueOtpCodeStep(recipient))
})
