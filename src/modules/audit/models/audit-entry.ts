import { model } from "@medusajs/framework/utils"

export const AUDIT_ACTOR_TYPES = ["user", "vendor_member", "system", "customer"] as const
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number]

/**
 * One append-only line of the audit trail: who (actor) did what (action) to
 * which record (target), the record's relevant fields before and after, and
 * the request it came from. `vendor_id` is the tenant the entry concerns
 * (null for marketplace-wide changes such as a global commission rule); a
 * vendor reads only its own entries. The database refuses UPDATE and DELETE
 * on this table (see the migration).
 */
export const AuditEntry = model
  .define("audit_entry", {
    id: model.id({ prefix: "aud" }).primaryKey(),
    actor_type: model.enum([...AUDIT_ACTOR_TYPES]),
    actor_id: model.text().nullable(),
    vendor_id: model.text().nullable(),
    action: model.text(),
    target_type: model.text(),
    target_id: model.text().nullable(),
    before: model.json().nullable(),
    after: model.json().nullable(),
    request_id: model.text().nullable(),
    ip: model.text().nullable(),
  })
  .indexes([
    { on: ["created_at"] },
    { on: ["vendor_id", "created_at"] },
    { on: ["actor_type", "actor_id", "created_at"] },
    { on: ["action", "created_at"] },
    { on: ["target_type", "target_id"] },
  ])
