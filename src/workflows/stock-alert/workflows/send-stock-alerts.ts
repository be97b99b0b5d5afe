import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { findDueStockAlertsStep, type FindDueStockAlertsInput } from "../steps/find-due-stock-alerts"
import { claimStockAlertsStep } from "../steps/claim-stock-alerts"
import { sendNotificationsWorkflow } from "../../notification/workflows/send-notifications"
import type { OutgoingNotification } from "../../notification/types"
import { stockAlertsBatchSize } from "../../../options"

export const sendStockAlertsWorkflowId = "send-stock-alerts"

export type SendStockAlertsResult = { found: number; claimed: number; sent: number; skipped: number }

/**
 * One batch of back-in-stock alerts: find up to `limit` active alerts whose
 * variant is available again, claim them (active → sent, compare-and-set),
 * and send one `back-in-stock` message per claimed alert through
 * sendNotificationsWorkflow (category stock_alerts, `requested`: the alert's
 * own channel counts as opted in unless the customer saved it as off; an
 * opted-out alert is still `sent`, with no message).
 */
export const sendStockAlertsWorkflow = createWorkflow(sendStockAlertsWorkflowId, (input: WorkflowData<FindDueStockAlertsInput>) => {
  const due = findDueStockAlertsStep(input)
  const claimed = claimStockAlertsStep(transform({ due }, ({ due }) => due.map((d) => d.id)))
  const notifications = transform({ due, claimed }, ({ due, claimed }) => {
    const won = new Set(claimed)
    return due
      .filter((d) => won.has(d.id) && d.to)
      .map((d): OutgoingNotification => ({
        to: d.to!,
        channel: d.channel,
        template: "back-in-stock",
        category: "stock_alerts",
        recipient: { type: "customer", id: d.customer_id },
        // The customer asked for this alert on this channel: an SMS alert goes out though SMS is off by default; a saved "off" still wins.
        requested: true,
        data: d.data,
        idempotency_key: `back-in-stock-${d.id}`,
        resource_id: d.id,
        resource_type: "stock_alert",
        trigger_type: "stock_alert.restocked",
      }))
  })
  const result = sendNotificationsWorkflow.runAsStep({ input: transform({ notifications }, ({ notifications }) => ({ notifications })) })
  return new WorkflowResponse<SendStockAlertsResult>(
    transform({ due, claimed, result }, ({ due, claimed, result }) => ({
      found: due.length,
      claimed: claimed.length,
      sent: result.sent.length,
      skipped: result.skipped.length,
    }))
  )
})

/**
 * Runs batches of `limit` (default: option stockAlertsBatchSize, env
 * STOCK_ALERTS_BATCH_SIZE, 100) until no due alert is left (or `maxBatches` ran): each batch
 * is its own workflow run and transaction, so a large restock is sent in
 * steps of `limit` and a failed batch leaves the others sent.
 */
export async function sendDueStockAlerts(
  container: MedusaContainer,
  input: Omit<FindDueStockAlertsInput, "limit"> & { limit?: number; maxBatches?: number } = {}
): Promise<SendStockAlertsResult & { batches: number }> {
  const { maxBatches = 100, limit = stockAlertsBatchSize(), ...filter } = input
  const total = { found: 0, claimed: 0, sent: 0, skipped: 0, batches: 0 }
  while (total.batches < maxBatches) {
    const { result } = await sendStockAlertsWorkflow(container).run({ input: { ...filter, limit } })
    total.batches++
    total.found += result.found
    total.claimed += result.claimed
    total.sent += result.sent
    total.skipped += result.skipped
    // Fewer than a full batch: nothing left. Nothing claimed: another run is sending these.
    if (result.found < limit || result.claimed === 0) break
  }
  return total
}
