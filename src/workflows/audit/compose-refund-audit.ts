import { transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { MathBN } from "@medusajs/framework/utils"
import type { AuditContext } from "../../modules/audit/types"
import { recordAuditStep } from "./steps/record-audit"

type Reservation = { vendor_order_id: string; amount: string; refunded_total: string }

/**
 * The `refund.created` entries of a refund flow (the operator's refund, a
 * vendor's return, a rejection or a cancellation, and the attribution of a
 * refund made outside Lilium, whose actor is the system), composed as the flow's
 * last step: one per vendor order that got money back, with refunded_total
 * before and after and the amount. A flow that reserved 0 (everything was
 * already refunded) records nothing.
 */
export function composeRefundAudit(
  /** The vendor order's vendor; null when the reservations span vendors (each entry then gets its target's). */
  ref: WorkflowData<{ vendor_id: string }> | null,
  reservations: WorkflowData<Reservation[]>,
  // The workflow's `input.audit` and `input.note`/`input.reason` (workflow data or plain values).
  audit: unknown,
  reason: "operator" | "return" | "reject" | "cancel" | "external",
  note?: unknown
) {
  return recordAuditStep({
    audit: audit as WorkflowData<AuditContext | undefined>,
    entries: transform({ ref: ref as WorkflowData<{ vendor_id: string } | null>, reservations, note: (note ?? null) as WorkflowData<string | null> }, ({ ref, reservations, note }) =>
      reservations
        .filter((r) => MathBN.gt(r.amount, 0))
        .map((r) => ({
          action: "refund.created",
          target_type: "vendor_order",
          target_id: r.vendor_order_id,
          vendor_id: ref ? ref.vendor_id : undefined,
          before: { refunded_total: Number(MathBN.sub(r.refunded_total, r.amount).toFixed()) },
          after: { refunded_total: Number(r.refunded_total), amount: Number(r.amount), reason, note: note ?? null },
        }))
    ),
  })
}
