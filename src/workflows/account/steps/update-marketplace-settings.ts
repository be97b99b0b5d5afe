import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import {
  invalidateMarketplaceSettings,
  MARKETPLACE_SETTINGS_KEY,
  readMarketplaceSettings,
  type MarketplaceSettings,
} from "../../../lib/marketplace-settings"

export type UpdateMarketplaceSettingsStepInput = { update: Partial<MarketplaceSettings> }

/**
 * Merges the change into the store's metadata (the other metadata keys stay);
 * compensation writes the previous metadata back. Returns before and after.
 * Both drop this server's cached copy (the admin 2FA guard's), so the change
 * applies here at once; other servers see it within MARKETPLACE_SETTINGS_TTL_MS.
 */
export const updateMarketplaceSettingsStep = createStep(
  "update-marketplace-settings",
  async (input: UpdateMarketplaceSettingsStepInput, { container }) => {
    const { store_id, metadata, settings } = await readMarketplaceSettings(container)
    if (!store_id) throw new MedusaError(MedusaError.Types.NOT_FOUND, "The marketplace has no store yet.")
    const after: MarketplaceSettings = { ...settings, ...input.update }
    await container.resolve(Modules.STORE).updateStores(store_id, { metadata: { ...metadata, [MARKETPLACE_SETTINGS_KEY]: after } })
    invalidateMarketplaceSettings()
    return new StepResponse({ store_id, before: settings, after }, { store_id, metadata })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve(Modules.STORE).updateStores(previous.store_id, { metadata: previous.metadata })
    invalidateMarketplaceSettings()
  }
)
