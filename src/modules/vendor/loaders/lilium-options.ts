import { configManager } from "@medusajs/framework/config"
import type { LoaderOptions } from "@medusajs/framework/types"
import { addVendorOriginsToAuthCors } from "../../../lib/vendor-cors"
import { configureLilium, vendorCors } from "../../../options"

/**
 * Validates Lilium's options (the plugin's options, which Medusa gives every
 * module of the plugin; `{}` in the demo app) together with the environment
 * values they fall back to, and stores them for the rest of the code
 * (src/options.ts). An invalid setting stops the start:
 * "Loaders for module vendor failed: Invalid @lilium/medusa-plugin options: …".
 *
 * Then the vendor panel's origins (VENDOR_CORS) join Medusa's AUTH_CORS, so a
 * panel on another origin can sign in at /auth/vendor/* (modules load before
 * Medusa builds its /auth CORS handler; src/lib/vendor-cors).
 */
export default async function liliumOptionsLoader({ options }: LoaderOptions<Record<string, unknown>>) {
  configureLilium(options ?? {})
  const http = loadedHttpConfig()
  if (http) addVendorOriginsToAuthCors(http, vendorCors())
}

/** The project's http config, or undefined where no medusa-config was loaded (module tests). */
function loadedHttpConfig(): { authCors?: string } | undefined {
  try {
    // configManager.config only warns (outside production) when nothing is loaded; check first.
    return configManager.baseDir ? configManager.config?.projectConfig?.http : undefined
  } catch {
    return undefined
  }
}
