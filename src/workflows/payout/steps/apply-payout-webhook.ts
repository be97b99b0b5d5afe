import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE } from "../../../modules/ledger"
import type LedgerModuleService from "../../../modules/ledger/service"
import { PAYOUT_MODULE } from "../../../modules/payout"
import type PayoutModuleService from "../../../modules/payout/service"
import type { PayoutWebhookAction } from "../../../modules/payout/types"
import type { AuditEntryInput } from "../../../modules/audit/types"
import { readAuditTarget } from "../../audit/targets"

export type WebhookOutcome = {
  events: { name: string; data: Record<string, unknown> }[]
  changed: boolean
  /** The audit entry of a change (none for a replay or a late event); the workflow records it last. */
  audit?: AuditEntryInput
}

/**
 * Applies a verified provider event. Every branch is idempotent: an
 * account keeps the newest state it has seen (by the event's time), and
 * payouts only move along their state machine under a row lock, so a
 * replayed or late event changes nothing. A change returns its audit entry
 * (the target read before the change; the record step reads it after).
 */
export const applyPayoutWebhookStep = createStep(
  "apply-payout-webhook",
  async (input: { provider: string; action: PayoutWebhookAction }, { container }) => {
    const payouts: PayoutModuleService = container.resolve(PAYOUT_MODULE)
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    // Workflow inputs are serialized: dates arrive as strings.
    const action = input.action
    const none: WebhookOutcome = { events: [], changed: false }
    const snapshot = (target_type: "payout" | "payout_account", id: string) => readAuditTarget(container, target_type, { id })
    switch (action.type) {
      case "account_updated": {
        const [account] = await payouts.listPayoutAccounts({ provider: input.provider, external_id: action.external_id })
        // Stripe stamps events to the second: only a state from a later second wins over the event.
        const seconds = (d: Date | string) => Math.floor(new Date(d).getTime() / 1000)
        if (!account || (account.synced_at && seconds(account.synced_at) > seconds(action.occurred_at))) return new StepResponse(none)
        const before = await snapshot("payout_account", account.id)
        await payouts.updatePayoutAccounts({
          id: account.id,
          status: action.account.status,
          status_reason: action.account.status_reason ?? null,
          data: action.account.data,
          synced_at: action.occurred_at,
        })
        const events =
          account.status !== action.account.status
            ? [{ name: "payout_account.updated", data: { id: account.id, status: action.account.status } }]
            : []
        // Stripe sends account.updated for much that the trail does not keep: an entry only when an audited field changed.
        const after = await snapshot("payout_account", account.id)
        const audit =
          JSON.stringify(before) !== JSON.stringify(after)
            ? {
                action: "payout_account.synced",
                target_type: "payout_account",
                target_id: account.id,
                vendor_id: account.vendor_id,
                before,
                after,
              }
            : undefined
        return new StepResponse({ events, changed: true, audit })
      }
      case "transfer_succeeded": {
        const [payout] = await ledger.listPayouts({ id: action.payout_id, provider: input.provider })
        if (!payout) return new StepResponse(none)
        const before = await snapshot("payout", payout.id)
        const moved = await ledger.transitionPayout(payout.id, ["processing"], "paid", {
          reference: action.reference,
          paid_at: new Date(),
          last_error: null,
        })
        if (!moved.changed) return new StepResponse(none)
        return new StepResponse({
          events: [{ name: "payout.paid", data: { id: payout.id } }],
          changed: true,
          audit: { action: "payout.paid", target_type: "payout", target_id: payout.id, vendor_id: payout.vendor_id, before },
        })
      }
      case "transfer_reversed": {
        const [payout] = await ledger.listPayouts({ id: action.payout_id, provider: input.provider, reference: action.reference })
        if (!payout) return new StepResponse(none)
        const before = await snapshot("payout", payout.id)
        const failed = await ledger.failPayout(payout.id, { code: "transfer_reversed", reason: action.reason }, ["processing", "paid"])
        if (!failed.changed) return new StepResponse(none)
        return new StepResponse({
          events: [{ name: "payout.failed", data: { id: payout.id } }],
          changed: true,
          audit: { action: "payout.reversed", target_type: "payout", target_id: payout.id, vendor_id: payout.vendor_id, before },
        })
      }
      case "account_payout_failed": {
        const [account] = await payouts.listPayoutAccounts({ provider: input.provider, external_id: action.external_id })
        if (!account) return new StepResponse(none)
        const reason = `The bank refused a payout: ${action.reason}`
        if (account.status_reason === reason && account.status === "restricted") return new StepResponse(none)
        const before = await snapshot("payout_account", account.id)
        await payouts.updatePayoutAccounts({ id: account.id, status: "restricted", status_reason: reason })
        return new StepResponse({
          events: [{ name: "payout_account.payout_failed", data: { id: account.id, reason: action.reason } }],
          changed: true,
          audit: {
            action: "payout_account.restricted",
            target_type: "payout_account",
            target_id: account.id,
            vendor_id: account.vendor_id,
            before,
          },
        })
      }
      default:
        return new StepResponse(none)
    }
  }
)
