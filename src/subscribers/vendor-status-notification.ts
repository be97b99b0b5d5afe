import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"
import { VENDOR_MODULE } from "../modules/vendor"
import type VendorModuleService from "../modules/vendor/service"

type VendorStatusEvent = { id: string; status: string; reason?: string | null }

/**
 * Emails the vendor when the operator changes its status, through the
 * Notification module (SendGrid when configured, the local provider
 * otherwise). Templates: vendor-approved, vendor-rejected, vendor-suspended,
 * vendor-reinstated. The message goes to the vendor's e-mail; when that is
 * a member's own address, that member's `account` preference decides
 * (otherwise it is the company's address, which has no preferences).
 */
export default async function vendorStatusNotification({ event, container }: SubscriberArgs<VendorStatusEvent>) {
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const [vendor] = await vendors.listVendors({ id: event.data.id }, { relations: ["members"] })
  if (!vendor) return
  const action = event.name.replace(/^vendor\./, "")
  const member = vendor.members.find((m) => m.email.toLowerCase() === vendor.email.toLowerCase())
  await sendNotificationsWorkflow(container).run({
    input: {
      notifications: [
        {
          to: vendor.email,
          channel: "email",
          template: `vendor-${action}`,
          category: "account",
          recipient: member ? { type: "vendor_member", id: member.id } : null,
          // One email per status change, even if the event is delivered twice.
          idempotency_key: `vendor-${action}-${vendor.id}-${new Date(vendor.updated_at).getTime()}`,
          data: {
            vendor_id: vendor.id,
            vendor_name: vendor.name,
            status: vendor.status,
            reason: event.data.reason ?? null,
          },
        },
      ],
    },
  })
}

export const config: SubscriberConfig = {
  event: ["vendor.approved", "vendor.rejected", "vendor.suspended", "vendor.reinstated"],
}
