import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"
import { PAYOUT_MODULE } from "../modules/payout"
import type PayoutModuleService from "../modules/payout/service"
import { VENDOR_MODULE } from "../modules/vendor"
import type VendorModuleService from "../modules/vendor/service"
import { vendorPanelUrl } from "../options"

/**
 * Stripe could not pay a vendor's connected account out to its bank: the
 * money is in the vendor's Stripe balance, and the vendor must fix the bank
 * details in Stripe. Its owners and finance members are told.
 */
export default async function payoutAccountNotification({ event, container }: SubscriberArgs<{ id: string; reason: string }>) {
  const payouts: PayoutModuleService = container.resolve(PAYOUT_MODULE)
  const [account] = await payouts.listPayoutAccounts({ id: event.data.id })
  if (!account) return
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const [vendor] = await vendors.listVendors({ id: account.vendor_id }, { relations: ["members"] })
  if (!vendor) return
  const panel = vendorPanelUrl()
  const notifications = vendor.members
    .filter((m) => m.role === "owner" || m.role === "finance")
    .map((m) => ({
      to: m.email,
      channel: "email" as const,
      template: "payout-account-payout-failed",
      category: "payouts" as const,
      recipient: { type: "vendor_member" as const, id: m.id },
      idempotency_key: `payout-account-payout-failed-${account.id}-${account.updated_at?.valueOf?.() ?? ""}-${m.id}`,
      data: { vendor_name: vendor.name, reason: event.data.reason, settings_url: `${panel}/settings/payouts` },
    }))
  // Each member's own preferences (category payouts) decide.
  await sendNotificationsWorkflow(container).run({ input: { notifications } })
}

export const config: SubscriberConfig = { event: "payout_account.payout_failed" }
