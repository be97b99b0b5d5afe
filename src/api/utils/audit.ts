import { randomUUID } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AuditContext } from "../../modules/audit/types"
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
  req.requestId = id
  if (!res.getHeader("x-request-id")) res.setHeader("x-request-id", id)
  next()
}

/**
 * Who is asking, for the audit trail: a vendor member on /vendor/* (the
 * member id), an operator (user), a customer, or the system. Routes pass it
 * into the workflow they run as `audit`.
 */
export function auditContext(req: MedusaRequest): AuditContext {
  // vendorAuth's member on /vendor/*; Medusa's auth context where a route authenticated.
  const r: MedusaRequest & {
    vendor_context?: { member?: { id: string } }
    auth_context?: { actor_type: string; actor_id: string }
  } = req
  const request_id = r.requestId ?? randomUUID()
  // Not req.ip: Medusa trusts one proxy hop, so X-Forwarded-For could choose it (decision 36).
  const ip = clientIp(req) || null
  const member = r.vendor_context?.member
  if (member) return { actor_type: "vendor_member", actor_id: member.id, request_id, ip }
  const auth = r.auth_context
  if (auth?.actor_type === "user") return { actor_type: "user", actor_id: auth.actor_id, request_id, ip }
  if (auth?.actor_type === "customer") return { actor_type: "customer", actor_id: auth.actor_id || null, request_id, ip }
  if (auth?.actor_type === "vendor") return { actor_type: "vendor_member", actor_id: auth.actor_id || null, request_id, ip }
  return { actor_type: "system", actor_id: null, request_id, ip }
}
