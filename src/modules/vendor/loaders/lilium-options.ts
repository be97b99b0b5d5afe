import type { LoaderOptions } from "@medusajs/framework/types"
import { configureLilium } from "../../../options"

/**
 * Validates Lilium's options (the plugin's options, which Medusa gives every
 * module of the plugin; `{}` in the demo app) together with the environment
 * values they fall back to, and stores them for the rest of the code
 * (src/options.ts). An invalid setting stops the start:
 * "Loaders for module vendor failed: Invalid @lilium/medusa-plugin options: …".
 */
export default async function liliumOptionsLoader({ options }: LoaderOptions<Record<string, unknown>>) {
  configureLilium(options ?? {})
}
