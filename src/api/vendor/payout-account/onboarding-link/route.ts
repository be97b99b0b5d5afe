import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { VendorRequest } from "../../context"
import { assertMayChangePayoutAccount, defaultPayoutAccount } from "../helpers"
import { PAYOUT_MODULE } from "../../../../modules/payout"
import type PayoutModuleService from "../../../../modules/payout/service"
import { vendorPanelUrl } from "../../../../options"

/**
 * POST /vendor/payout-account/onboarding-link {return_url?, refresh_url?}:
 * a fresh hosted onboarding link for the vendor's Stripe account ({url}).
 * Links expire within minutes, so one is made per request and not stored.
 */
export async function POST(req: VendorRequest<{ return_url?: string; refresh_url?: string }>, res: MedusaResponse) {
  // Stripe's hosted onboarding edits where Stripe pays the vendor: the same rules as a change.
  assertMayChangePayoutAccount(req)
  const account = await defaultPayoutAccount(req.scope, req.vendor_context.vendor.id)
  const payouts: PayoutModuleService = req.scope.resolve(PAYOUT_MODULE)
  const provider = account ? payouts.provider(account.provider) : null
  if (!account || !provider?.onboardingLink) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Onboarding links are for stripe-connect payout accounts; set one up with POST /vendor/payout-account first"
    )
  }
  const panel = vendorPanelUrl()
  const { url } = await provider.onboardingLink(account, {
    return_url: req.validatedBody.return_url ?? `${panel}/settings/payouts?onboarding=done`,
    refresh_url: req.validatedBody.refresh_url ?? `${panel}/settings/payouts?onboarding=refresh`,
  })
  res.json({ url })
}
