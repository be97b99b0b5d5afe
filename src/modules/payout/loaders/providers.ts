import { asFunction, asValue, Lifetime } from "@medusajs/framework/awilix"
import { moduleProviderLoader } from "@medusajs/framework/modules-sdk"
import type { LoaderOptions, ModuleProvider } from "@medusajs/framework/types"
import { PAYOUT_PROVIDER_IDS, PAYOUT_PROVIDER_PREFIX } from "../types"

/**
 * Registers the payout providers listed in the module's options, the way
 * Medusa's own modules (notification, payment) register theirs: each one
 * as `payout_provider_<id>` in the module's container.
 */
export default async function payoutProvidersLoader({
  container,
  options,
}: LoaderOptions<{ providers?: ModuleProvider[] }>) {
  container.register(PAYOUT_PROVIDER_IDS, asValue([]))
  await moduleProviderLoader({
    container,
    providers: options?.providers ?? [],
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
