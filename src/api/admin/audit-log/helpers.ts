import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { AUDIT_MODULE } from "../../../modules/audit"
import type AuditModuleService from "../../../modules/audit/service"
import { csvCell } from "../../utils/csv"
import type { VendorListAuditLogParamsType } from "../../vendor/audit-log/validators"
import type { AdminListAuditLogParamsType } from "./validators"

/** An audit entry as the audit module returns it (the fields the API shows). */
type AuditEntryRecord = {
  id: string
  created_at: Date | string
  actor_type: string
  actor_id: string | null
  vendor_id: string | null
  action: string
  target_type: string
  target_id: string | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  request_id: string | null
  ip: string | null
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
export async function sendAuditLog(
  scope: MedusaContainer,
  query: VendorListAuditLogParamsType | AdminListAuditLogParamsType,
  res: MedusaResponse,
  tenant?: Record<string, unknown>
) {
  const { offset, limit, format, created_at, ...rest } = query
  const filters: Record<string, unknown> = { ...rest }
  if (created_at) filters.created_at = created_at
  if (tenant) Object.assign(filters, tenant)
  const audit: AuditModuleService = scope.resolve(AUDIT_MODULE)
  const order = { created_at: "DESC", id: "DESC" } as const
  const serialize = (e: AuditEntryRecord) => serializeAuditEntry(e, { vendorView: tenant !== undefined })
  if (format === "csv") {
    res.setHeader("content-type", "text/csv; charset=utf-8")
    res.setHeader("content-disposition", `attachment; filename="audit-log${tenant?.vendor_id ? `-${tenant.vendor_id}` : ""}.csv"`)
    res.write(CSV_COLUMNS.join(",") + "\r\n")
    for (let skip = 0; ; skip += CSV_PAGE) {
      const page = await audit.listAuditEntries(filters, { skip, take: CSV_PAGE, order })
      for (const e of page.map(serialize)) {
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
export function serializeAuditEntry(e: AuditEntryRecord, { vendorView = false }: { vendorView?: boolean } = {}) {
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
