import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { stateConflict } from "../../../lib/errors/state-conflict"
import { vendorOwnerEmailVerification } from "../../../lib/email-verification"

/**
 * Approval needs the owner's verified e-mail (issue 16, item 5): 409 with
 * the reason before anything changes. A vendor without an owner member (an
 * operator-made shell) has no one to verify and passes.
 */
export const assertOwnerEmailVerifiedStep = createStep(
  "assert-owner-email-verified",
  async (input: { vendor_id: string }, { container }) => {
    const owner = await vendorOwnerEmailVerification(container, input.vendor_id)
    if (owner.email && !owner.verified) {
      throw stateConflict(
        `The vendor cannot be approved yet: the owner's e-mail ${owner.email} is not verified. ` +
          `The owner confirms it with the link e-mailed at application (POST /auth/verification/request sends a new one).`
      )
    }
    return new StepResponse(owner)
  }
)
