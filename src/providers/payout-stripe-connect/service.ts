import Stripe from "stripe"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { currencyPrecision } from "../../lib/money"
import {
  PayoutProviderError,
  type CreatePayoutAccountInput,
  type IPayoutProvider,
  type PayoutTransferInput,
  type PayoutTransferResult,
  type PayoutWebhookAction,
  type ProviderAccount,
} from "../../modules/payout/types"

export type StripeConnectOptions = {
  api_key: string
  webhook_secret?: string
  /** Country of new Express accounts when the vendor has none (default DE). */
  default_country?: string
  /** Where the SDK sends requests; only set to point at a local fake in tests. */
  api_base?: string
  max_network_retries?: number
}

/** Our status for a Stripe connected account. */
export function accountStatus(account: Stripe.Account): Pick<ProviderAccount, "status" | "status_reason"> {
  const reason = account.requirements?.disabled_reason ?? null
  if (reason?.startsWith("rejected")) return { status: "disabled", status_reason: reason }
  if (account.payouts_enabled && account.capabilities?.transfers === "active") return { status: "active", status_reason: null }
  if (account.details_submitted) return { status: "restricted", status_reason: reason ?? "requirements pending" }
  return { status: "pending", status_reason: reason }
}

const accountData = (account: Stripe.Account) => ({
  country: account.country ?? null,
  charges_enabled: account.charges_enabled ?? false,
  payouts_enabled: account.payouts_enabled ?? false,
  details_submitted: account.details_submitted ?? false,
  currently_due: account.requirements?.currently_due ?? [],
})

/** Amount in the currency's smallest unit, as Stripe wants it; refuses fractions of a cent. */
export function toMinorUnits(amount: any, currencyCode: string): number {
  const minor = MathBN.mult(amount, MathBN.convert(10).pow(currencyPrecision(currencyCode)))
  if (!minor.isInteger())
    throw new PayoutProviderError(`${amount} ${currencyCode} is not a whole number of minor units`, "amount_precision", true)
  return minor.toNumber()
}

/**
 * Stripe Connect payouts: Express connected accounts with hosted
 * onboarding, and `transfers.create` from the platform balance. The
 * idempotency key is derived from the payout id and attempt, so resuming an
 * attempt (after a timeout or a crash) can never transfer twice.
 */
export default class StripeConnectPayoutProvider implements IPayoutProvider {
  static identifier = "stripe-connect"
  protected readonly stripe: Stripe
  protected readonly options: StripeConnectOptions

  static validateOptions(options: StripeConnectOptions) {
    if (!options?.api_key) throw new MedusaError(MedusaError.Types.INVALID_DATA, "stripe-connect payouts need api_key")
  }

  constructor(_container: unknown, options: StripeConnectOptions) {
    this.options = options
    const base = options.api_base ? new URL(options.api_base) : null
    this.stripe = new Stripe(options.api_key, {
      maxNetworkRetries: options.max_network_retries ?? 2,
      ...(base
        ? { host: base.hostname, port: Number(base.port) || undefined, protocol: base.protocol.replace(":", "") as "http" | "https" }
        : {}),
    })
  }

  async createAccount(input: CreatePayoutAccountInput): Promise<ProviderAccount> {
    const account = input.external_id
      ? await this.call(() => this.stripe.accounts.retrieve(input.external_id!))
      : await this.call(() =>
          this.stripe.accounts.create(
            {
              type: "express",
              country: (input.country_code ?? this.options.default_country ?? "DE").toUpperCase(),
              email: input.email,
              capabilities: { transfers: { requested: true } },
              metadata: { vendor_id: input.vendor_id },
            },
            // One connected account per vendor, even if this request is retried.
            { idempotencyKey: `lilium-account-${input.vendor_id}` }
          )
        )
    return { external_id: account.id, ...accountStatus(account), data: accountData(account) }
  }

  async onboardingLink(account: { external_id: string | null }, urls: { return_url: string; refresh_url: string }) {
    if (!account.external_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The payout account has no Stripe account")
    const link = await this.call(() =>
      this.stripe.accountLinks.create({
        account: account.external_id!,
        type: "account_onboarding",
        return_url: urls.return_url,
        refresh_url: urls.refresh_url,
      })
    )
    return { url: link.url }
  }

  async transfer(input: PayoutTransferInput): Promise<PayoutTransferResult> {
    if (!input.account.external_id) throw new PayoutProviderError("The payout account has no Stripe account", "no_account", true)
    const transfer = await this.call(() =>
      this.stripe.transfers.create(
        {
          amount: toMinorUnits(input.amount, input.currency_code),
          currency: input.currency_code,
          destination: input.account.external_id!,
          description: `Lilium payout ${input.payout_id}`,
          metadata: { payout_id: input.payout_id, vendor_id: input.vendor_id, attempt: String(input.attempt) },
          ...(input.transfer_group ? { transfer_group: input.transfer_group } : {}),
        },
        { idempotencyKey: `lilium-${input.payout_id}-${input.attempt}` }
      )
    )
    return { status: "paid", reference: transfer.id }
  }

  async parseWebhook(rawBody: Buffer | string, headers: Record<string, unknown>): Promise<PayoutWebhookAction> {
    if (!this.options.webhook_secret) throw new PayoutProviderError("Stripe webhooks are not configured", "not_configured", true)
    let event: Stripe.Event
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, String(headers["stripe-signature"] ?? ""), this.options.webhook_secret)
    } catch (e) {
      throw new PayoutProviderError(`Invalid Stripe signature: ${(e as Error).message}`, "invalid_signature", true)
    }
    const occurred_at = new Date(event.created * 1000)
    switch (event.type) {
      case "account.updated": {
        const account = event.data.object as Stripe.Account
        return {
          type: "account_updated",
          external_id: account.id,
          occurred_at,
          account: { external_id: account.id, ...accountStatus(account), data: accountData(account) },
        }
      }
      case "transfer.created":
      case "transfer.updated": {
        const transfer = event.data.object as Stripe.Transfer
        if (!transfer.metadata?.payout_id || transfer.reversed) return { type: "ignored", event_type: event.type }
        return { type: "transfer_succeeded", payout_id: transfer.metadata.payout_id, reference: transfer.id }
      }
      case "transfer.reversed": {
        const transfer = event.data.object as Stripe.Transfer
        // A partial reversal is a claw-back the operator handles with an adjustment.
        if (!transfer.metadata?.payout_id || transfer.amount_reversed < transfer.amount) return { type: "ignored", event_type: event.type }
        return {
          type: "transfer_reversed",
          payout_id: transfer.metadata.payout_id,
          reference: transfer.id,
          reason: "The Stripe transfer was reversed",
        }
      }
      case "payout.failed": {
        const payout = event.data.object as Stripe.Payout
        if (!event.account) return { type: "ignored", event_type: event.type }
        return {
          type: "account_payout_failed",
          external_id: event.account,
          occurred_at,
          reason: payout.failure_message ?? payout.failure_code ?? "The bank refused the payout",
        }
      }
      default:
        return { type: "ignored", event_type: event.type }
    }
  }

  /** Runs an SDK call, sorting Stripe's errors into definitive (4xx) and retryable (network, 5xx, 429, 409). */
  protected async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (e: any) {
      if (e instanceof PayoutProviderError || e instanceof MedusaError) throw e
      const status: number | undefined = e?.statusCode
      const retryable = !status || status >= 500 || status === 429 || status === 409 || e?.type === "StripeConnectionError"
      throw new PayoutProviderError(e?.message ?? "Stripe request failed", e?.code ?? e?.type ?? "stripe_error", !retryable)
    }
  }
}
