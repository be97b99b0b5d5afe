import type { AuditActorType } from "./models/audit-entry"

/** Who did it, and from which request: passed into a workflow as `audit`. */
export type AuditContext = {
  actor_type: AuditActorType
  actor_id: string | null
  request_id?: string | null
  ip?: string | null
}

export type AuditRecord = Record<string, unknown> | null

/** One entry to append, as a workflow builds it. */
export type AuditEntryInput = {
  action: string
  target_type: string
  target_id: string | null
  vendor_id?: string | null
  before?: AuditRecord
  /** Omitted: the record step reads the target again (see `src/workflows/audit/targets.ts`). */
  after?: AuditRecord
  /** Overrides the context's actor (an accepted invite's new member, for example). */
  actor_type?: AuditActorType
  actor_id?: string | null
}

/** The actor for code that runs without a request (jobs, subscribers). */
export const SYSTEM_AUDIT: AuditContext = { actor_type: "system", actor_id: null, request_id: null, ip: null }
