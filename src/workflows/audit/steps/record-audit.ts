import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUDIT_MODULE } from "../../../modules/audit"
import type AuditModuleService from "../../../modules/audit/service"
import { SYSTEM_AUDIT, type AuditContext, type AuditEntryInput } from "../../../modules/audit/types"
import { auditChanges, readAuditTarget, toAuditJson } from "../targets"

export type RecordAuditStepInput = {
  /** Who and which request; absent means the system (jobs, subscribers, scripts). */
  audit?: AuditContext | null
  entries: AuditEntryInput | AuditEntryInput[]
}

/**
 * Appends audit entries. It is the last step of each audited workflow
 * (decision 39): it runs only when every change before it succeeded, and if
 * it fails the workflow compensates those changes, so a change without its
 * entry, or an entry without its change, does not exist. There is no
 * compensation, because the table is append-only and nothing after this step
 * can fail. An entry without `after` gets the target as it is now.
 */
export const recordAuditStep = createStep("record-audit", async (input: RecordAuditStepInput, { container }) => {
  return new StepResponse(await appendAuditEntries(container, input.audit, input.entries))
})

/**
 * What recordAuditStep does, for the one place that cannot be a last step:
 * a compensation that records the failure it cleans up after (a payout run
 * that failed half-way, createPayoutRunStep). Returns the entries' ids.
 */
export async function appendAuditEntries(
  container: { resolve: (key: string) => any },
  audit: AuditContext | null | undefined,
  entries: AuditEntryInput | AuditEntryInput[]
): Promise<string[]> {
  const ctx = audit ?? SYSTEM_AUDIT
  const list = (Array.isArray(entries) ? entries : [entries]).filter(Boolean)
  if (!list.length) return []
  const rows = await Promise.all(
    list.map(async (e) => {
      const after =
        e.after !== undefined
          ? toAuditJson(e.after)
          : e.target_id
            ? await readAuditTarget(container, e.target_type, { id: e.target_id })
            : null
      // No vendor given (a refund spread over several vendor orders): the target's own vendor.
      const vendor_id =
        e.vendor_id !== undefined
          ? e.vendor_id
          : e.target_id
            ? (((await readAuditTarget(container, e.target_type, { id: e.target_id }))?.vendor_id as string | undefined) ?? null)
            : null
      return {
        actor_type: e.actor_type ?? ctx.actor_type,
        actor_id: e.actor_type || e.actor_id ? (e.actor_id ?? null) : (ctx.actor_id ?? null),
        vendor_id,
        action: e.action,
        target_type: e.target_type,
        target_id: e.target_id ?? null,
        ...auditChanges(e.target_type, toAuditJson(e.before), after),
        request_id: ctx.request_id ?? null,
        ip: ctx.ip ?? null,
      }
    })
  )
  const service: AuditModuleService = container.resolve(AUDIT_MODULE)
  const created = await service.createAuditEntries(rows)
  return created.map((c) => c.id)
}
