import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendNotificationsWorkflow } from "../workflows/notification/workflows/send-notifications"
import { VENDOR_MODULE } from "../modules/vendor"
import type VendorModuleService from "../modules/vendor/service"
import { vendorPanelUrl } from "../options"

type InviteCreated = { id: string; vendor_id: string; email: string; role: string; token: string }

/**
 * Emails the invitee the accept link. VENDOR_PANEL_URL is the vendor panel
 * that calls POST /vendor/invites/accept with the token.
 */
export default async function vendorInviteNotification({ event, container }: SubscriberArgs<InviteCreated>) {
  const vendors: VendorModuleService = container.resolve(VENDOR_MODULE)
  const [vendor] = await vendors.listVendors({ id: event.data.vendor_id }, { select: ["id", "name"] })
  if (!vendor) return
  const panel = vendorPanelUrl()
  await sendNotificationsWorkflow(container).run({
    input: {
      notifications: [
        {
          to: event.data.email,
          channel: "email",
          template: "vendor-invite",
          // The invitee is nobody with preferences yet, and the link is a credential (security mail).
          category: "security",
          recipient: null,
          idempotency_key: `vendor-invite-${event.data.id}`,
          data: {
            vendor_name: vendor.name,
            role: event.data.role,
            accept_url: `${panel}/invite?token=${encodeURIComponent(event.data.token)}`,
          },
        },
      ],
    },
  })
}

export const config: SubscriberConfig = { event: "vendor.invite_created" }
