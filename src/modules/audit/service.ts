import { MedusaService } from "@medusajs/framework/utils"
import { AuditEntry } from "./models/audit-entry"

/**
 * The audit trail. Only `createAuditEntries` and the reads are meant to be
 * used: the table is append-only (PostgreSQL refuses UPDATE and DELETE), so
 * the generated update/delete methods fail by design.
 */
class AuditModuleService extends MedusaService({ AuditEntry }) {}

export default AuditModuleService
