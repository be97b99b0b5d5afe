import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { PayoutAccount } from "./models/payout-account"
import { PayoutRun } from "./models/payout-run"
import { IPayoutProvider, PAYOUT_PROVIDER_IDS, PAYOUT_PROVIDER_PREFIX } from "./types"

type InjectedDependencies = Record<string, unknown>

/**
 * Payout accounts, payout runs, and the providers that move the money.
 * Payouts themselves live in the ledger module, next to their debits.
 */
class PayoutModuleService extends MedusaService({ PayoutAccount, PayoutRun }) {
  protected readonly container_: InjectedDependencies

  constructor(container: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.container_ = container
  }

  /** The ids of the configured providers (manual, stripe-connect, …). */
  listProviderIds(): string[] {
    return [...((this.container_[PAYOUT_PROVIDER_IDS] as string[]) ?? [])]
  }

  /** The provider with this id; 400 when it is not configured here. */
  provider(id: string): IPayoutProvider {
    if (!this.listProviderIds().includes(id)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The payout provider "${id}" is not configured; configured: ${this.listProviderIds().join(", ") || "none"}.`
      )
    }
    return this.container_[PAYOUT_PROVIDER_PREFIX + id] as IPayoutProvider
  }
}

export default PayoutModuleService
