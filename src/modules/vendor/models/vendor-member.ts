import { model } from "@medusajs/framework/utils"
import { Vendor } from "./vendor"

export const VENDOR_ROLES = ["owner", "admin", "catalog", "orders", "finance"] as const
export type VendorRole = (typeof VENDOR_ROLES)[number]

/**
 * A person who works for a vendor. The member is the auth actor of type
 * `vendor`: its auth identity's app_metadata.vendor_id holds the member id.
 */
export const VendorMember = model
  .define("vendor_member", {
    id: model.id({ prefix: "vmem" }).primaryKey(),
    email: model.text().searchable(),
    first_name: model.text().nullable(),
    last_name: model.text().nullable(),
    // E.164, set by the member (POST /vendor/me/member); not verified. For SMS by preference and SMS sign-in codes.
    phone: model.text().nullable(),
    role: model.enum([...VENDOR_ROLES]),
    vendor: model.belongsTo(() => Vendor, { mappedBy: "members" }),
  })
  .indexes([{ on: ["vendor_id", "email"], unique: true, where: "deleted_at IS NULL" }])
