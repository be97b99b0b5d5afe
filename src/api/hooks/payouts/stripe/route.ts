import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PAYOUT_MODULE } from "../../../../modules/payout"
import type PayoutModuleService from "../../../../modules/payout/service"
import { PayoutProviderError } from "../../../../modules/payout/types"
import { processPayoutWebhookWorkflow } from "../../../../workflows/payout/workflows/process-payout-webhook"
import { auditContext } from "../../../utils/audit"
import { webhookFailures } from "../../../../lib/metrics"

/**
 * POST /hooks/payouts/stripe: Stripe Connect webhooks. The signature is
 * checked against the raw body (400 when it is wrong); the event is then
 * applied idempotently, so Stripe's retries and replays change nothing.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const payouts: PayoutModuleService = req.scope.resolve(PAYOUT_MODULE)
  const provider = payouts.provider("stripe-connect")
  // preserveRawBody (src/api/hooks/middlewares.ts) keeps the bytes Stripe signed.
  const raw: unknown = req.rawBody
  if (!Buffer.isBuffer(raw)) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The webhook body is missing")
  let action
  try {
    action = await provider.parseWebhook!(raw, req.headers as Record<string, unknown>)
  } catch (e) {
    webhookFailures.inc({ provider: "stripe-connect", reason: "signature" })
    if (e instanceof PayoutProviderError) throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
    throw e
  }
  const { result } = await processPayoutWebhookWorkflow(req.scope)
    .run({ input: { provider: "stripe-connect", action, audit: auditContext(req) } })
    .catch((e: unknown) => {
      // Stripe retries a failed delivery; the counter shows that it had to.
      webhookFailures.inc({ provider: "stripe-connect", reason: "processing" })
      throw e
    })
  res.json({ received: true, type: action.type, changed: result.changed })
}
