import type { MedusaResponse } from "@medusajs/framework/http"
import { updateNotificationPreferencesWorkflow } from "../../../../workflows/notification/workflows/update-notification-preferences"
import { readNotificationPreferences, type NotificationPreferencesBody } from "../../../utils/notification-preferences"
import type { VendorRequest } from "../../context"

/** GET /vendor/me/notification-preferences: the calling member's own (not the vendor's, not another member's). */
export async function GET(req: VendorRequest, res: MedusaResponse) {
  res.json({ preferences: await readNotificationPreferences(req.scope, "vendor_member", req.vendor_context.member.id) })
}

/** POST: sets the member's given entries and answers the full list. Any role: it is the member's own inbox. */
export async function POST(req: VendorRequest<NotificationPreferencesBody>, res: MedusaResponse) {
  const memberId = req.vendor_context.member.id
  await updateNotificationPreferencesWorkflow(req.scope).run({
    input: { recipient_type: "vendor_member", recipient_id: memberId, preferences: req.validatedBody.preferences },
  })
  res.json({ preferences: await readNotificationPreferences(req.scope, "vendor_member", memberId) })
}
