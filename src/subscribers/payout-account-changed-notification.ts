import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"
import { PAYOUT_MODULE } from "../modules/payout"
import type PayoutModuleService from "../modules/payout/service"
import { destinationDetails } from "../modules/payout/destination"
import { VENDOR_MODULE } from "../modules/vendor"
import type VendorModuleService from "../modules/vendor/service"
import type { PayoutAccountChange } from "../modules/payout/types"
import { vendorPanelUrl } from "../options"

type PayoutAccountChangedEvent = PayoutAccountChange & { id: string; vendor_id: string; changed_by: string | null }

/**
 * Where the vendor is paid changed: every owner of the vendor is told, with
 * the old and the new destination (IBANs masked), who changed it, and from
 * when payouts go there. An owner who did not make the change has until
 * then to stop it. Template `payout-account-changed`; one e-mail per change
 * and owner, even if the event is delivered twice.
 */
export default async function payoutAccountChangedNotification({ event, container }: SubscriberArgs<PayoutAccountChangedEvent>) {
  const payouts: PayoutModuleService = container.resolve(PAYOUT_MODULE)
  const [account] = await payouts.listPayoutAccounts({ id: event.data.id })
  if (!account) return
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const [vendor] = await vendors.listVendors({ id: account.vendor_id }, { relations: ["members"] })
  if (!vendor) return
  const owners = vendor.members.filter((m) => m.role === "owner")
  const by = vendor.members.find((m) => m.id === event.data.changed_by)
  const panel = vendorPanelUrl()
  if (!owners.length) return
  const notifications = owners.map((m) => ({
    to: m.email,
    channel: "email" as const,
    template: "payout-account-changed",
    // Security: where the money goes changed, so every owner hears of it whatever their preferences.
    category: "security" as const,
    recipient: { type: "vendor_member" as const, id: m.id },
    idempotency_key: `payout-account-changed-${account.id}-${event.data.changed_at}-${m.id}`,
    data: {
      vendor_id: vendor.id,
      vendor_name: vendor.name,
      first: event.data.first,
      changed_at: event.data.changed_at,
      changed_by: by?.email ?? null,
      active_from: event.data.active_from,
      previous: event.data.previous,
      current: {
        provider: account.provider,
        external_id: account.external_id ?? null,
        details: destinationDetails(account.provider, account.data),
      },
      settings_url: `${panel}/settings/payouts`,
    },
  }))
  await sendNotificationsWorkflow(container).run({ input: { notifications } })
}

export const config: SubscriberConfig = { event: "payout_account.changed" }
