import { model } from "@medusajs/framework/utils"
import { Vendor } from "./vendor"
import { VENDOR_ROLES } from "./vendor-member"

/** An invitation to join a vendor. Only a SHA-256 hash of the token is stored. */
export const VendorInvite = model
  .define("vendor_invite", {
    id: model.id({ prefix: "vinv" }).primaryKey(),
    email: model.text(),
    role: model.enum([...VENDOR_ROLES]),
    token_hash: model.text(),
    expires_at: model.dateTime(),
    accepted_at: model.dateTime().nullable(),
    invited_by_member_id: model.text().nullable(),
    vendor: model.belongsTo(() => Vendor, { mappedBy: "invites" }),
  })
  .indexes([{ on: ["token_hash"], unique: true }])
