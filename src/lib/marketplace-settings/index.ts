import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { CachedValue } from "./cached-value"

/**
 * Operator settings that change at runtime, kept in the store's metadata
 * under one key (the store is Medusa's one per-installation record, and every
 * server reads the same row, so no restart and no per-server drift).
 */
export const MARKETPLACE_SETTINGS_KEY = "lilium_settings"

export type MarketplaceSettings = {
  /** Admin users must complete 2FA at sign-in to use /admin/* (secret API keys are not users and are not affected). */
  require_admin_mfa: boolean
}

export const DEFAULT_MARKETPLACE_SETTINGS: MarketplaceSettings = { require_admin_mfa: false }

/** The settings stored in a store's metadata, with defaults for what is missing. */
export function settingsFromMetadata(metadata: Record<string, unknown> | null | undefined): MarketplaceSettings {
  const raw = metadata?.[MARKETPLACE_SETTINGS_KEY]
  const stored = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {}
  return { require_admin_mfa: stored.require_admin_mfa === true }
}

/** The store and its settings (one primary-key-sized read). */
export async function readMarketplaceSettings(
  container: MedusaContainer
): Promise<{ store_id: string | null; metadata: Record<string, unknown>; settings: MarketplaceSettings }> {
  const [store] = await container
    .resolve(Modules.STORE)
    .listStores({}, { select: ["id", "metadata"], take: 1, order: { created_at: "ASC" } })
  const metadata = (store?.metadata ?? {}) as Record<string, unknown>
  return { store_id: store?.id ?? null, metadata, settings: settingsFromMetadata(metadata) }
}

/**
 * How long a server may answer from its own copy of the settings. A change
 * made through another server (or straight in the database, e.g. through
 * Medusa's store routes) applies on this one within this time; a change made
 * through this server applies at once (the update step invalidates).
 */
export const MARKETPLACE_SETTINGS_TTL_MS = 5_000

// One copy per process: a process serves one app. (Not keyed by the store
// module service: the request scope and a workflow's container resolve it as
// different objects.)
const cache = new CachedValue<MarketplaceSettings>(MARKETPLACE_SETTINGS_TTL_MS)

/**
 * The settings for checks made on every request (the admin 2FA guard): at
 * most one store read per server per MARKETPLACE_SETTINGS_TTL_MS. Reads that
 * must show the stored truth (GET /admin/marketplace-settings, the update
 * step) use readMarketplaceSettings.
 */
export function cachedMarketplaceSettings(container: MedusaContainer): Promise<MarketplaceSettings> {
  return cache.get(async () => (await readMarketplaceSettings(container)).settings)
}

/** Drops this server's copy; called right after the settings are written (and after a compensation restores them). */
export function invalidateMarketplaceSettings(): void {
  cache.invalidate()
}
