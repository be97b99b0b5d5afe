import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { verifyCurrentPasswordStep } from "../steps/verify-current-password"
import { setEmailpassPasswordStep } from "../steps/set-emailpass-password"
import { invalidateAuthTokensStep } from "../steps/invalidate-auth-tokens"
import type { PasswordChangedEvent } from "../types"

export type ChangePasswordWorkflowInput = {
  auth_identity_id: string
  actor_type: string
  current_password: string
  new_password: string
}

/**
 * Change password while signed in (customer, vendor member, admin user: the
 * emailpass login of the caller's auth identity). A wrong current password
 * fails the first step and nothing changes; afterwards every token and
 * session issued before this second is refused, so the client signs in again.
 */
export const changePasswordWorkflow = createWorkflow("change-password", (input: ChangePasswordWorkflowInput) => {
  const login = verifyCurrentPasswordStep({ auth_identity_id: input.auth_identity_id, current_password: input.current_password })
  setEmailpassPasswordStep({ login, password: input.new_password })
  const tokens = invalidateAuthTokensStep({ auth_identity_id: input.auth_identity_id })
  emitEventStep({
    eventName: "auth.password_changed",
    data: transform({ input, login }, ({ input, login }): PasswordChangedEvent => ({
      auth_identity_id: input.auth_identity_id,
      actor_type: input.actor_type,
      email: login.entity_id,
      reason: "change",
    })),
  })
  return new WorkflowResponse(tokens)
})
