import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, linkProductsToSalesChannelWorkflow } from "@medusajs/medusa/core-flows"
import { loadVendorCatalogStep } from "../steps/load-vendor-catalog"
import { updateVendorStatusStep } from "../steps/update-vendor-status"
import { assertOwnerEmailVerifiedStep } from "../steps/assert-owner-email-verified"
import { setupVendorForSellingWorkflow } from "./setup-vendor-for-selling"
import type { VendorTransition } from "../../../modules/vendor/vendor-status"
import { recordAuditStep } from "../../audit/steps/record-audit"
import { snapshotAuditTargetStep } from "../../audit/steps/snapshot-audit-target"
import type { AuditContext } from "../../../modules/audit/types"

export type ChangeVendorStatusInput = {
  vendor_id: string
  action: VendorTransition
  reason?: string | null
  audit?: AuditContext
}

export const VENDOR_STATUS_EVENTS: Record<VendorTransition, string> = {
  approve: "vendor.approved",
  reject: "vendor.rejected",
  suspend: "vendor.suspended",
  reinstate: "vendor.reinstated",
}

/**
 * approve | reject | suspend | reinstate. An illegal transition fails with
 * 409 before anything changes. Approval needs the owner's verified e-mail
 * (409 otherwise, nothing changed). Approval also sets the vendor up for selling,
 * in the same workflow: if the set-up fails, the status change is undone.
 * Suspension takes the vendor's products out of the marketplace sales
 * channel, so storefronts neither list nor sell them; reinstatement puts
 * them back. Every change emits its event (vendor.approved, …); a subscriber emails the
 * vendor.
 */
export const changeVendorStatusWorkflow = createWorkflow("change-vendor-status", (input: ChangeVendorStatusInput) => {
  const before = snapshotAuditTargetStep({ target_type: "vendor", id: input.vendor_id })
  when({ input }, ({ input }) => input.action === "approve").then(() => {
    assertOwnerEmailVerifiedStep({ vendor_id: input.vendor_id })
  })
  const vendor = updateVendorStatusStep(input)

  when({ input }, ({ input }) => input.action === "approve").then(() => {
    setupVendorForSellingWorkflow.runAsStep({ input: { vendor } })
  })

  when({ input }, ({ input }) => input.action === "suspend" || input.action === "reinstate").then(() => {
    const catalog = loadVendorCatalogStep({ vendor_id: input.vendor_id })
    linkProductsToSalesChannelWorkflow.runAsStep({
      input: transform({ input, catalog }, ({ input, catalog }) => ({
        id: catalog.sales_channel_id,
        ...(input.action === "suspend" ? { remove: catalog.product_ids } : { add: catalog.product_ids }),
      })),
    })
  })

  emitEventStep({
    eventName: transform({ input }, ({ input }) => VENDOR_STATUS_EVENTS[input.action]),
    data: transform({ vendor, input }, ({ vendor, input }) => ({
      id: vendor.id,
      status: vendor.status,
      reason: input.reason ?? null,
    })),
  })

  recordAuditStep({
    audit: input.audit,
    entries: transform({ input, before }, ({ input, before }) => ({
      action: VENDOR_STATUS_EVENTS[input.action],
      target_type: "vendor",
      target_id: input.vendor_id,
      vendor_id: input.vendor_id,
      before,
    })),
  })

  return new WorkflowResponse(vendor)
})
