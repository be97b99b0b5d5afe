import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

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
