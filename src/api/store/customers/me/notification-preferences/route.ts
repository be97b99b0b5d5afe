import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateNotificationPreferencesWorkflow } from "../../../../../workflows/notification/workflows/update-notification-preferences"
import { customerId } from "../../../scope"
import { readNotificationPreferences, type NotificationPreferencesBody } from "../../../../utils/notification-preferences"

/** GET /store/customers/me/notification-preferences: every category × channel of the signed-in customer. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ preferences: await readNotificationPreferences(req.scope, "customer", customerId(req)) })
}

/** POST: sets the given entries (the others keep their value) and answers the full list. The customer is the token's. */
export async function POST(req: AuthenticatedMedusaRequest<NotificationPreferencesBody>, res: MedusaResponse) {
  const customer = customerId(req)
  await updateNotificationPreferencesWorkflow(req.scope).run({
    input: { recipient_type: "customer", recipient_id: customer, preferences: req.validatedBody.preferences },
  })
  res.json({ preferences: await readNotificationPreferences(req.scope, "customer", customer) })
}
