import { randomUUID } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AUDIT_MODULE } from "../../modules/audit"
import type AuditModuleService from "../../modules/audit/service"
import type { AuditContext } from "../../modules/audit/types"
import { csvCell } from "./csv"
import { clientIp } from "./client-ip"

// A caller's own request id is kept when it looks like one (a UUID, a
// trace id); anything else is replaced, so the log never stores junk.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/**
 * Every request gets an id: the caller's `x-request-id` when it is sane, a
 * new UUID otherwise. It is answered in `x-request-id`, written into audit
 * entries and is what Medusa's HTTP log prints as `request_id`.
 */
export function requestId(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const given = req.headers["x-request-id"]
  const id = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID()
  ;(req as any).requestId = id
  if (!res.getHeader("x-request-id")) res.setHeader("x-request-id", id)
  next()
}

/**
 * Who is asking, for the audit trail: a vendor member on /vendor/* (the
 * member id), an operator (user), a customer, or the system. Routes pass it
 * into the workflow they run as `audit`.
 */
export function auditContext(req: MedusaRequest): AuditContext {
  const r = req as any
  const request_id: string = r.requestId ?? randomUUID()
  // Not req.ip: Medusa trusts one proxy hop, so X-Forwarded-For could choose it (decision 36).
  const ip = clientIp(req as any) || null
  const member = r.vendor_context?.member
  if (member) return { actor_type: "vendor_member", actor_id: member.id, request_id, ip }
  const auth = r.auth_context
  if (auth?.actor_type === "user") return { actor_type: "user", actor_id: auth.actor_id, request_id, ip }
  if (auth?.actor_type === "customer") return { actor_type: "customer", actor_id: auth.actor_id || null, request_id, ip }
  if (auth?.actor_type === "vendor") return { actor_type: "vendor_member", actor_id: auth.actor_id || null, request_id, ip }
  return { actor_type: "system", actor_id: null, request_id, ip }
}

const CSV_COLUMNS = [
  "id",
  "created_at",
  "actor_type",
  "actor_id",
  "vendor_id",
  "action",
  "target_type",
  "target_id",
  "before",
  "after",
  "request_id",
  "ip",
]
const CSV_PAGE = 500

/**
 * GET …/audit-log: newest first, filtered and paged, or the whole filtered
 * trail as CSV (`format=csv`, written in pages of 500 so a long trail is
 * streamed, not built in memory). `tenant` (vendorFilters) scopes a vendor
 * to its own entries whatever the query says.
 */
export async function sendAuditLog(scope: any, query: any, res: MedusaResponse, tenant?: Record<string, unknown>) {
  const { offset, limit, format, created_at, ...rest } = query
  const filters: Record<string, unknown> = { ...rest }
  if (created_at) filters.created_at = created_at
  if (tenant) Object.assign(filters, tenant)
  const audit: AuditModuleService = scope.resolve(AUDIT_MODULE)
  const order = { created_at: "DESC", id: "DESC" } as const
  const serialize = (e: any) => serializeAuditEntry(e, { vendorView: tenant !== undefined })
  if (format === "csv") {
    res.setHeader("content-type", "text/csv; charset=utf-8")
    res.setHeader("content-disposition", `attachment; filename="audit-log${tenant?.vendor_id ? `-${tenant.vendor_id}` : ""}.csv"`)
    res.write(CSV_COLUMNS.join(",") + "\r\n")
    for (let skip = 0; ; skip += CSV_PAGE) {
      const page = await audit.listAuditEntries(filters, { skip, take: CSV_PAGE, order })
      for (const e of (page as any[]).map(serialize)) {
        res.write(
          CSV_COLUMNS.map((c) => csvCell(c === "before" || c === "after" ? (e[c] == null ? null : JSON.stringify(e[c])) : e[c])).join(",") +
            "\r\n"
        )
      }
      if (page.length < CSV_PAGE) break
    }
    res.end()
    return
  }
  const [entries, count] = await audit.listAndCountAuditEntries(filters, { skip: offset, take: limit, order })
  res.json({ audit_entries: entries.map(serialize), count, offset, limit })
}

/**
 * An entry as the API shows it. A vendor sees the IP of its own members'
 * requests only, not the operator's or the system's.
 */
export function serializeAuditEntry(e: any, { vendorView = false }: { vendorView?: boolean } = {}) {
  return {
    id: e.id,
    created_at: e.created_at,
    actor_type: e.actor_type,
    actor_id: e.actor_id,
    vendor_id: e.vendor_id,
    action: e.action,
    target_type: e.target_type,
    target_id: e.target_id,
    before: e.before ?? null,
    after: e.after ?? null,
    request_id: e.request_id,
    ip: vendorView && e.actor_type !== "vendor_member" ? null : e.ip,
  }
}
