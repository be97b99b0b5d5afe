import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { VENDOR_MODULE } from "../modules/vendor"
import type VendorModuleService from "../modules/vendor/service"

type VendorStatusEvent = { id: string; status: string; reason?: string | null }

/**
 * Emails the vendor when the operator changes its status, through the
 * Notification module (SendGrid when configured, the local provider
 * otherwise). Templates: vendor-approved, vendor-rejected, vendor-suspended,
 * vendor-reinstated.
 */
export default async function vendorStatusNotification({ event, container }: SubscriberArgs<VendorStatusEvent>) {
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const [vendor] = await vendors.listVendors({ id: event.data.id })
  if (!vendor) return
  const action = event.name.replace(/^vendor\./, "")
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: vendor.email,
    channel: "email",
    template: `vendor-${action}`,
    // One email per status change, even if the event is delivered twice.
    idempotency_key: `vendor-${action}-${vendor.id}-${new Date(vendor.updated_at).getTime()}`,
    data: {
      vendor_id: vendor.id,
      vendor_name: vendor.name,
      status: vendor.status,
      reason: event.data.reason ?? null,
    },
  })
}

export const config: SubscriberConfig = {
  event: ["vendor.approved", "vendor.rejected", "vendor.suspended", "vendor.reinstated"],
}
