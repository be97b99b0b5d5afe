import { createStep, StepResponse, transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { MathBN } from "@medusajs/framework/utils"
import { AUDIT_MODULE } from "../../modules/audit"
import type AuditModuleService from "../../modules/audit/service"
import { SYSTEM_AUDIT, type AuditContext } from "../../modules/audit/types"
import { readAuditTarget } from "./targets"

type Reservation = { vendor_order_id: string; amount: string; refunded_total: string }

type RefundAuditEntry = {
  target_id: string
  /** Null: the vendor order's own vendor (a refund spread over several vendors). */
  vendor_id: string | null
  before: { refunded_total: number }
  after: { refunded_total: number; amount: number; reason: string; note: string | null }
}

type RefundAuditInput = { audit?: AuditContext | null; entries: RefundAuditEntry[] }

async function appendRefundEntries(container: any, input: RefundAuditInput, action: string, flip: boolean) {
  const ctx = input.audit ?? SYSTEM_AUDIT
  const rows = await Promise.all(
    input.entries.map(async (e) => ({
      actor_type: ctx.actor_type,
      actor_id: ctx.actor_id ?? null,
      vendor_id:
        e.vendor_id ?? ((await readAuditTarget(container, "vendor_order", { id: e.target_id }))?.vendor_id as string | undefined) ?? null,
      action,
      target_type: "vendor_order",
      target_id: e.target_id,
      before: flip ? { refunded_total: e.after.refunded_total } : e.before,
      after: flip ? { ...e.after, refunded_total: e.before.refunded_total } : e.after,
      request_id: ctx.request_id ?? null,
      ip: ctx.ip ?? null,
    }))
  )
  if (!rows.length) return []
  const audit: AuditModuleService = container.resolve(AUDIT_MODULE)
  const created = await audit.createAuditEntries(rows)
  return created.map((c) => c.id)
}

/**
 * The `refund.created` entries of a refund, written before the payment
 * refund (decision 49), so that no refund is made without its entry. The
 * trail is append-only, so when a later step fails (the payment refund
 * itself, or Medusa's return or order edit before it), the compensation
 * appends a `refund.reverted` entry per vendor order with refunded_total
 * going back: the trail shows the attempt and that it was undone.
 */
export const recordRefundAuditStep = createStep(
  "record-refund-audit",
  async (input: RefundAuditInput, { container }) => {
    if (!input.entries.length) return new StepResponse([] as string[], null)
    return new StepResponse(await appendRefundEntries(container, input, "refund.created", false), input)
  },
  async (input, { container }) => {
    if (!input?.entries?.length) return
    await appendRefundEntries(container, input, "refund.reverted", true)
  }
)

/**
 * The `refund.created` entries of a refund flow (the operator's refund, a
 * vendor's return, a rejection or a cancellation, and the attribution of a
 * refund made outside Lilium, whose actor is the system): one per vendor
 * order that gets money back, with refunded_total before and after and the
 * amount. A flow that reserved 0 (everything was already refunded) records
 * nothing. Composed after the ledger rows and before the payment refund.
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
  return recordRefundAuditStep({
    audit: audit as WorkflowData<AuditContext | undefined>,
    entries: transform(
      { ref: ref as WorkflowData<{ vendor_id: string } | null>, reservations, note: (note ?? null) as WorkflowData<string | null> },
      ({ ref, reservations, note }) =>
        reservations
          .filter((r) => MathBN.gt(r.amount, 0))
          .map((r) => ({
            target_id: r.vendor_order_id,
            vendor_id: ref ? ref.vendor_id : null,
            before: { refunded_total: Number(MathBN.sub(r.refunded_total, r.amount).toFixed()) },
            after: { refunded_total: Number(r.refunded_total), amount: Number(r.amount), reason, note: note ?? null },
          }))
    ),
  })
}
