import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { Vendor, type VendorStatus } from "./models/vendor"
import { VendorMember } from "./models/vendor-member"
import { VendorInvite } from "./models/vendor-invite"

/** pending → active | rejected; active ⇄ suspended. */
export const VENDOR_TRANSITIONS: Record<string, { from: VendorStatus[]; to: VendorStatus }> = {
  approve: { from: ["pending"], to: "active" },
  reject: { from: ["pending"], to: "rejected" },
  suspend: { from: ["active"], to: "suspended" },
  reinstate: { from: ["suspended"], to: "active" },
}
export type VendorTransition = keyof typeof VENDOR_TRANSITIONS

export function nextVendorStatus(current: VendorStatus, action: VendorTransition): VendorStatus {
  const transition = VENDOR_TRANSITIONS[action]
  if (!transition.from.includes(current)) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Cannot ${action} a vendor that is ${current}.`,
      "state_conflict" // answered 409 by src/api/middlewares.ts
    )
  }
  return transition.to
}

/** URL-safe handle from a name: "Müller & Söhne GmbH" → "muller-sohne-gmbh". */
export function handleFromName(name: string): string {
  const handle = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
  return handle || "vendor"
}

class VendorModuleService extends MedusaService({
  Vendor,
  VendorMember,
  VendorInvite,
}) {
  /** 400 when another live vendor already has the handle. */
  async assertHandleFree(handle: string, exceptVendorId?: string): Promise<void> {
    const [taken] = await this.listVendors({ handle }, { select: ["id"] })
    if (taken && taken.id !== exceptVendorId) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The handle "${handle}" is taken.`)
    }
  }

  /** The handle itself if free, otherwise the first free handle-2, handle-3, … */
  async findFreeHandle(base: string): Promise<string> {
    const taken = new Set(
      (
        await this.listVendors({ handle: { $like: `${base}%` } }, { select: ["handle"], withDeleted: false })
      ).map((v) => v.handle)
    )
    if (!taken.has(base)) return base
    for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`
  }
}

export default VendorModuleService
