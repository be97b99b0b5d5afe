import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

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
