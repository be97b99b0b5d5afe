import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { applyNotificationPreferencesStep } from "../steps/apply-notification-preferences"
import { deliverNotificationsStep } from "../steps/deliver-notifications"
import type { SendNotificationsInput, SendNotificationsResult } from "../types"

export const sendNotificationsWorkflowId = "send-notifications-with-preferences"

/**
 * Every e-mail and SMS Lilium sends goes through here: each message names
 * its category and its recipient, opted-out ones are dropped, marketing and
 * stock-alert e-mail gets a signed unsubscribe link, and the rest become
 * notification rows (Medusa's Notification module) delivered by the
 * channel's provider. Returns the ids of the rows and what was skipped.
 */
export const sendNotificationsWorkflow = createWorkflow(sendNotificationsWorkflowId, (input: WorkflowData<SendNotificationsInput>) => {
  const decided = applyNotificationPreferencesStep(input)
  const sent = deliverNotificationsStep(transform({ decided }, ({ decided }) => decided.send))
  return new WorkflowResponse<SendNotificationsResult>(
    transform({ sent, decided }, ({ sent, decided }) => ({ sent, skipped: decided.skipped }))
  )
})
