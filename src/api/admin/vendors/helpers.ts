import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { vendorOwnerEmailVerification } from "../../../lib/email-verification"

/** The vendor as the operator sees it (members and selling set-up), or 404. */
export async function retrieveVendorForAdmin(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "vendor",
    fields: ["*", "members.*", "stock_locations.id", "stock_locations.name", "shipping_profile.id"],
    filters: { id },
  })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Vendor ${id} was not found.`)
  return data[0]
}

/**
 * The detail answer of GET/POST /admin/vendors/:id and the status changes:
 * the vendor plus `owner_email_verified`, whether the owner's login e-mail is
 * verified, which approval needs (null when the vendor has no owner member).
 */
export async function vendorDetailForAdmin(scope: MedusaContainer, id: string) {
  const vendor = await retrieveVendorForAdmin(scope, id)
  const owner = await vendorOwnerEmailVerification(scope, id)
  return { ...vendor, owner_email_verified: owner.email ? owner.verified : null }
}
