import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { postAdjustmentStep, type PostAdjustmentInput } from "../steps/post-adjustment"
import { recordAuditStep } from "../../audit/steps/record-audit"
import type { AuditContext } from "../../../modules/audit/types"

/**
 * An operator's ledger adjustment for a vendor, with a required reason; emits
 * vendor.ledger_adjusted. A replay of the same idempotency key answers the
 * same row and records no second audit entry.
 */
export const postVendorAdjustmentWorkflow = createWorkflow(
  "post-vendor-adjustment",
  (input: PostAdjustmentInput & { audit?: AuditContext }) => {
    const result = postAdjustmentStep(input)
    const row = transform({ result }, ({ result }) => result.transaction)
    emitEventStep({ eventName: "vendor.ledger_adjusted", data: { id: row.id, vendor_id: input.vendor_id } })
    recordAuditStep({
      audit: input.audit,
      entries: transform({ result, input }, ({ result: { transaction: row, posted }, input }) =>
        posted
          ? [
              {
                action: "ledger.adjustment",
                target_type: "vendor_transaction",
                target_id: row.id,
                vendor_id: input.vendor_id,
                before: null,
                after: {
                  type: row.type,
                  amount: row.amount,
                  currency_code: row.currency_code,
                  note: row.note,
                  available_at: row.available_at,
                },
              },
            ]
          : []
      ),
    })
    return new WorkflowResponse(row)
  }
)
