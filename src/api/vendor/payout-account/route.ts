import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../context"
import { auditContext } from "../../utils/audit"
import { assertMayChangePayoutAccount, defaultPayoutAccount, serializePayoutAccount } from "./helpers"
import type { SetPayoutAccountType } from "./validators"
import { setVendorPayoutAccountWorkflow } from "../../../workflows/payout/workflows/set-vendor-payout-account"

/** GET /vendor/payout-account: the account payouts go to (null until one is set up). */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  res.json({ payout_account: serializePayoutAccount(await defaultPayoutAccount(req.scope, req.vendor_context.vendor.id)) })
}

/**
 * POST /vendor/payout-account {provider, details?, country_code?}: sets up
 * how the vendor is paid. `manual` takes bank details (account_holder, a
 * valid IBAN, optional BIC); `stripe-connect` opens an Express account,
 * then POST /vendor/payout-account/onboarding-link gives the link to finish it.
 * Owners and admins only (middlewares.ts); every owner is e-mailed, and a
 * changed destination receives payouts only after
 * MARKETPLACE_PAYOUT_ACCOUNT_HOLD_HOURS (`active_from`).
 */
export async function POST(req: VendorRequest<SetPayoutAccountType>, res: MedusaResponse) {
  assertMayChangePayoutAccount(req)
  const { vendor } = req.vendor_context
  const { result } = await setVendorPayoutAccountWorkflow(req.scope).run({
    input: {
      vendor_id: vendor.id,
      email: String(vendor.email ?? req.vendor_context.member.email),
      country_code: req.validatedBody.country_code ?? addressCountry(vendor.address),
      provider: req.validatedBody.provider,
      details: req.validatedBody.details,
      changed_by: req.vendor_context.member.id,
      audit: auditContext(req),
    },
  })
  res.json({ payout_account: serializePayoutAccount(result) })
}

/** The country of the vendor's stored address (a JSON column), if it has one. */
function addressCountry(address: unknown): string | null {
  if (!address || typeof address !== "object" || !("country_code" in address)) return null
  return typeof address.country_code === "string" ? address.country_code : null
}
