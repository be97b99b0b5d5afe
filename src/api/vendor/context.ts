import {
  authenticate,
  type AuthenticatedMedusaRequest,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { VENDOR_MODULE } from "../../modules/vendor"
import type VendorModuleService from "../../modules/vendor/service"
import type { VendorRole } from "../../modules/vendor/models/vendor-member"
import { MEMBER_MFA_REQUIRED_MESSAGE, mfaCompleted } from "../utils/mfa"

export type VendorContext = {
  member: { id: string; email: string; role: VendorRole; first_name: string | null; last_name: string | null; phone: string | null }
  vendor: { id: string; handle: string; name: string; status: string; [k: string]: unknown }
}

/** A /vendor/* request after vendorAuth: the member and its vendor. */
export type VendorRequest<Body = unknown, QueryFields = Record<string, unknown>> = AuthenticatedMedusaRequest<Body, QueryFields> & {
  vendor_context: VendorContext
}

// Routes a registration token (no member yet) may call.
const REGISTRATION_ROUTES = [
  { method: "POST", path: "/vendor/vendors" },
  { method: "POST", path: "/vendor/invites/accept" },
]

const memberAuth = authenticate("vendor", ["bearer"])
const registrationAuth = authenticate("vendor", ["bearer"], { allowUnregistered: true })

/**
 * Authenticates /vendor/* as actor type `vendor` and resolves the member and
 * its vendor once per request. A member whose row is gone (removed from the
 * vendor) gets 401, like an invalid token. When the vendor requires 2FA
 * (require_member_mfa), a member whose token did not complete Medusa's MFA
 * challenge gets 403 with how to enrol (/auth/mfa/* stays open to them).
 */
export function vendorAuth(request: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const req = request as AuthenticatedMedusaRequest
  const path = req.originalUrl.split("?")[0].replace(/\/+$/, "")
  const registration = REGISTRATION_ROUTES.some((r) => r.method === req.method && r.path === path)
  if (registration) return registrationAuth(req, res, next)
  return memberAuth(req, res, async (err?: unknown) => {
    if (err) return next(err)
    try {
      const service: VendorModuleService = req.scope.resolve(VENDOR_MODULE)
      // One select per request, never cached: a removed member or a suspended vendor counts on the next request.
      const found = await service.memberWithVendor(req.auth_context.actor_id)
      if (!found?.vendor) {
        throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
      }
      if (found.vendor.require_member_mfa && !mfaCompleted(req.auth_context)) {
        throw new MedusaError(MedusaError.Types.FORBIDDEN, MEMBER_MFA_REQUIRED_MESSAGE)
      }
      ;(req as VendorRequest).vendor_context = { member: found.member, vendor: found.vendor }
      next()
    } catch (e) {
      next(e)
    }
  })
}

/** 403 unless the member has one of the roles. */
export function requireVendorRole(...roles: VendorRole[]) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const ctx = (req as VendorRequest).vendor_context
    if (!ctx) return next()
    if (!roles.includes(ctx.member.role)) {
      return next(
        new MedusaError(MedusaError.Types.FORBIDDEN, `The ${ctx.member.role} role cannot do this; it needs one of: ${roles.join(", ")}.`)
      )
    }
    next()
  }
}

// What a vendor that is not active may still change: its own profile, and
// how it will be paid (part of onboarding).
// The member's own password is account security, not a change to the vendor:
// a member of a pending or suspended vendor must still be able to change it,
// which messages reach them, and their own name and phone number.
const ONBOARDING_ROUTES = [
  "/vendor/me",
  "/vendor/me/password",
  "/vendor/me/member",
  "/vendor/me/notification-preferences",
  "/vendor/payout-account",
  "/vendor/payout-account/onboarding-link",
]

/**
 * Pending, rejected and suspended vendors are read-only: any change other
 * than onboarding (the profile) is refused with 403.
 */
export function requireActiveVendorForWrites(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const ctx = (req as VendorRequest).vendor_context
  if (!ctx || req.method === "GET" || ctx.vendor.status === "active") return next()
  const path = req.originalUrl.split("?")[0].replace(/\/+$/, "")
  if (ONBOARDING_ROUTES.includes(path)) return next()
  next(new MedusaError(MedusaError.Types.FORBIDDEN, `The vendor is ${ctx.vendor.status}; it is read-only until it is active.`))
}
