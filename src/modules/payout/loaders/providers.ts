import { asFunction, asValue, Lifetime } from "@medusajs/framework/awilix"
import { moduleProviderLoader } from "@medusajs/framework/modules-sdk"
import type { LoaderOptions, ModuleProvider } from "@medusajs/framework/types"
import { stripeConnectOptions, type LiliumOptions } from "../../../options"
import ManualPayoutProvider from "../../../providers/payout-manual"
import StripeConnectPayoutProvider from "../../../providers/payout-stripe-connect"
import { PAYOUT_PROVIDER_IDS, PAYOUT_PROVIDER_PREFIX } from "../types"

/**
 * The payout providers when the options list none: manual always, Stripe
 * Connect when a key is set (the `stripeConnect` option, else
 * STRIPE_CONNECT_API_KEY or STRIPE_API_KEY; `stripeConnect: false` turns it
 * off). The demo app and a host store with the plugin take this same path.
 */
export function defaultPayoutProviders(options: LiliumOptions | undefined, env: NodeJS.ProcessEnv = process.env): ModuleProvider[] {
  const stripe = stripeConnectOptions(options, env)
  return [
    { resolve: ManualPayoutProvider, id: "manual", options: {} },
    ...(stripe ? [{ resolve: StripeConnectPayoutProvider, id: "stripe-connect", options: stripe }] : []),
  ]
}

/**
 * Registers the payout providers (the `providers` option, else the
 * defaults above), the way Medusa's own modules (notification, payment)
 * register theirs: each one as `payout_provider_<id>` in the module's
 * container.
 */
export default async function payoutProvidersLoader({ container, options }: LoaderOptions<LiliumOptions>) {
  container.register(PAYOUT_PROVIDER_IDS, asValue([]))
  await moduleProviderLoader({
    container,
    providers: options?.providers ?? defaultPayoutProviders(options),
    registerServiceFn: async (klass, container, provider) => {
      container.register({
        [PAYOUT_PROVIDER_PREFIX + provider.id]: asFunction((cradle) => new klass(cradle, provider.options ?? {}), {
          lifetime: klass.LIFE_TIME || Lifetime.SINGLETON,
        }),
      })
      container.resolve<string[]>(PAYOUT_PROVIDER_IDS).push(provider.id)
    },
  })
}
