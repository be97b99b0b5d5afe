import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { linkVendorLoginStep } from "../steps/link-vendor-login"
import { createVendorStep, type CreateVendorStepInput } from "../steps/create-vendor"
import { createVendorMemberStep } from "../steps/create-vendor-member"
import { setupVendorForSellingWorkflow } from "./setup-vendor-for-selling"

export type CreateVendorWorkflowInput = {
  vendor: CreateVendorStepInput
  /** The first member, who becomes the owner. */
  owner?: { email: string; first_name?: string | null; last_name?: string | null }
  /** The registering member's auth identity (vendor onboarding). */
  auth_identity_id?: string
}

/**
 * Creates a vendor with its owner member. Vendors who apply are `pending`;
 * an operator may create one directly as `active`, which also sets it up for
 * selling. Linking the auth identity makes the caller's next login a member
 * token.
 */
export const createVendorWorkflow = createWorkflow(
  "create-vendor",
  (input: CreateVendorWorkflowInput) => {
    const vendor = createVendorStep(input.vendor)

    const member = when({ input }, ({ input }) => !!input.owner).then(() =>
      createVendorMemberStep(
        transform({ input, vendor }, ({ input, vendor }) => ({
          vendor_id: vendor.id,
          email: input.owner!.email,
          first_name: input.owner!.first_name ?? null,
          last_name: input.owner!.last_name ?? null,
          role: "owner" as const,
        }))
      )
    )

    when({ input, member }, ({ input, member }) => !!input.auth_identity_id && !!member).then(() => {
      linkVendorLoginStep(
        transform({ input, member }, ({ input, member }) => ({
          auth_identity_id: input.auth_identity_id!,
          member_id: member!.id,
        }))
      )
    })

    when({ vendor }, ({ vendor }) => vendor.status === "active").then(() => {
      setupVendorForSellingWorkflow.runAsStep({ input: { vendor } })
    })

    emitEventStep({
      eventName: "vendor.created",
      data: transform({ vendor }, ({ vendor }) => ({ id: vendor.id, status: vendor.status })),
    })

    return new WorkflowResponse({ vendor, member })
  }
)
