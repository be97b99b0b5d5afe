import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"
import { LEDGER_MODULE } from "../modules/ledger"
import type LedgerModuleService from "../modules/ledger/service"
import { VENDOR_MODULE } from "../modules/vendor"
import type VendorModuleService from "../modules/vendor/service"
import { vendorPanelUrl } from "../options"

// Money news goes to the people who own the money.
const PAYOUT_ROLES = ["owner", "finance"]

/** Emails a vendor's owners and finance members when a payout is paid or fails. */
export default async function payoutNotification({ event, container }: SubscriberArgs<{ id: string }>) {
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const [payout] = await ledger.listPayouts({ id: event.data.id })
  if (!payout) return
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const [vendor] = await vendors.listVendors({ id: payout.vendor_id }, { relations: ["members"] })
  if (!vendor) return
  const paid = event.name === "payout.paid"
  const panel = vendorPanelUrl()
  const recipients = vendor.members.filter((m) => PAYOUT_ROLES.includes(m.role))
  const notifications = recipients.map((m) => ({
    to: m.email,
    channel: "email" as const,
    template: paid ? "payout-paid" : "payout-failed",
    category: "payouts" as const,
    recipient: { type: "vendor_member" as const, id: m.id },
    // One email per member and attempt, however often the event is replayed.
    idempotency_key: `${event.name}-${payout.id}-${payout.attempt}-${m.id}`,
    data: {
      vendor_name: vendor.name,
      payout_id: payout.id,
      amount: payout.amount,
      currency_code: payout.currency_code,
      provider: payout.provider,
      reference: payout.reference,
      failure_reason: paid ? null : payout.failure_reason,
      payouts_url: `${panel}/payouts/${payout.id}`,
    },
  }))
  // Each member's own preferences (category payouts) decide.
  await sendNotificationsWorkflow(container).run({ input: { notifications } })
}

export const config: SubscriberConfig = { event: ["payout.paid", "payout.failed"] }
