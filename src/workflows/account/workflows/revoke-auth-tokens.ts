import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { invalidateAuthTokensStep } from "../steps/invalidate-auth-tokens"
import type { PasswordChangedEvent } from "../types"

export type RevokeAuthTokensWorkflowInput = { auth_identity_id: string; actor_type: string; email: string }

/**
 * After Medusa's reset route (POST /auth/:actor/emailpass/update) has set a
 * new password: every earlier token and session of the identity stops
 * working, and auth.password_changed is emitted (Medusa emits nothing there).
 */
export const revokeAuthTokensWorkflow = createWorkflow("revoke-auth-tokens", (input: RevokeAuthTokensWorkflowInput) => {
  const tokens = invalidateAuthTokensStep({ auth_identity_id: input.auth_identity_id })
  emitEventStep({
    eventName: "auth.password_changed",
    data: transform({ input }, ({ input }): PasswordChangedEvent => ({ ...input, reason: "reset" })),
  })
  return new WorkflowResponse(tokens)
})
