import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { linkVendorLoginStep } from "../steps/link-vendor-login"
import { createVendorStep, type CreateVendorStepInput } from "../steps/create-vendor"
import { createVendorMemberStep } from "../steps/create-vendor-member"
import { setupVendorForSellingWorkflow } from "./setup-vendor-for-selling"
import { recordAuditStep } from "../../audit/steps/record-audit"
import type { AuditContext } from "../../../modules/audit/types"

export type CreateVendorWorkflowInput = {
  vendor: CreateVendorStepInput
  /** The first member, who becomes the owner. */
  owner?: { email: string; first_name?: string | null; last_name?: string | null }
  /** The registering member's auth identity (vendor onboarding). */
  auth_identity_id?: string
  /** Who creates it (the operator, or the applicant's registration token); absent: the system (seed). */
  audit?: AuditContext
}

/**
 * Creates a vendor with its owner member. Vendors who apply are `pending`;
 * an operator may create one directly as `active`, which also sets it up for
 * selling. Linking the auth identity makes the caller's next login a member
 * token. Recorded as `vendor.created`; an applicant, who has no member id
 * before this, is recorded as the owner member it becomes.
 */
export const createVendorWorkflow = createWorkflow("create-vendor", (input: CreateVendorWorkflowInput) => {
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

  recordAuditStep({
    audit: input.audit,
    entries: transform({ input, vendor, member }, ({ input, vendor, member }) => ({
      action: "vendor.created",
      target_type: "vendor",
      target_id: vendor.id,
      vendor_id: vendor.id,
      before: null,
      ...(input.audit?.actor_type === "vendor_member" && !input.audit.actor_id && member
        ? { actor_type: "vendor_member" as const, actor_id: member.id }
        : {}),
    })),
  })

  return new WorkflowResponse({ vendor, member })
})
