import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { upsertNotificationPreferencesStep, type UpsertNotificationPreferencesInput } from "../steps/upsert-notification-preferences"

export const updateNotificationPreferencesWorkflowId = "update-notification-preferences"

/**
 * Sets some of one person's notification preferences (the others keep
 * their stored value or default). The caller has validated the categories
 * for the recipient type and that each (category, channel) appears once;
 * the recipient comes from the auth context or a verified unsubscribe token.
 */
export const updateNotificationPreferencesWorkflow = createWorkflow(
  updateNotificationPreferencesWorkflowId,
  (input: WorkflowData<UpsertNotificationPreferencesInput>) => {
    upsertNotificationPreferencesStep(input)
    return new WorkflowResponse(input.recipient_id)
  }
)
