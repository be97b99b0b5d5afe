import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { CreateNotificationDTO } from "@medusajs/framework/types"

/**
 * The one call of the Notification module's createNotifications in Lilium
 * (a unit test keeps it that way): every message passes the preferences
 * first. Medusa skips a known idempotency key; a provider failure marks the
 * row `failure` and throws, which fails the workflow and the subscriber.
 * No compensation: a sent message cannot be unsent.
 */
export const deliverNotificationsStep = createStep("deliver-notifications", async (input: CreateNotificationDTO[], { container }) => {
  if (!input.length) return new StepResponse([] as string[])
  const created = await container.resolve(Modules.NOTIFICATION).createNotifications(input)
  return new StepResponse(created.map((n) => n.id))
})
