import { model } from "@medusajs/framework/utils"
import { VendorMember } from "./vendor-member"
import { VendorInvite } from "./vendor-invite"
import { VendorOrder } from "./vendor-order"

export const VENDOR_STATUSES = ["pending", "active", "rejected", "suspended"] as const
export type VendorStatus = (typeof VENDOR_STATUSES)[number]

/** The seller company. Soft-deleted only (deleted_at), never removed. */
export const Vendor = model
  .define("vendor", {
    id: model.id({ prefix: "ven" }).primaryKey(),
    handle: model.text().searchable(),
    name: model.text().searchable(),
    legal_name: model.text().nullable(),
    tax_id: model.text().nullable(),
    registration_number: model.text().nullable(),
    email: model.text(),
    phone: model.text().nullable(),
    address: model.json().nullable(),
    logo_url: model.text().nullable(),
    description: model.text().nullable(),
    default_currency_code: model.text().default("eur"),
    status: model.enum([...VENDOR_STATUSES]).default("pending"),
    status_reason: model.text().nullable(),
    approved_at: model.dateTime().nullable(),
    rejected_at: model.dateTime().nullable(),
    suspended_at: model.dateTime().nullable(),
    reinstated_at: model.dateTime().nullable(),
    // Last vendor-order number handed out; the split increments it under a row lock.
    order_sequence: model.number().default(0),
    // The owner's setting: members without a completed 2FA sign-in are refused on /vendor/* (vendorAuth).
    require_member_mfa: model.boolean().default(false),
    metadata: model.json().nullable(),
    members: model.hasMany(() => VendorMember, { mappedBy: "vendor" }),
    invites: model.hasMany(() => VendorInvite, { mappedBy: "vendor" }),
    orders: model.hasMany(() => VendorOrder, { mappedBy: "vendor" }),
  })
  .indexes([{ on: ["handle"], unique: true, where: "deleted_at IS NULL" }, { on: ["status"] }])
