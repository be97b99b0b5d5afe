import { model } from "@medusajs/framework/utils"
import { CompanyEmployee } from "./company-employee"
import { CompanyInvite } from "./company-invite"
import { CompanyAddress } from "./company-address"
import { CompanyApproval } from "./company-approval"
import { CompanyOrder } from "./company-order"

export const COMPANY_STATUSES = ["active", "suspended"] as const
export type CompanyStatus = (typeof COMPANY_STATUSES)[number]
export const PAYMENT_TERMS = ["prepaid", "net_15", "net_30", "net_60"] as const
export type PaymentTerms = (typeof PAYMENT_TERMS)[number]

/**
 * A buying company (B2B customer). Its employees are Medusa customers; its
 * customer group (customer_group_id, read-only link to Medusa's customer
 * group) holds them all, so a price list can target the company.
 * credit_limit and the employees' spending limits are amounts in
 * currency_code (the store's default currency when the company was made).
 * timezone decides where a calendar week or month of spending starts.
 */
export const Company = model
  .define("company", {
    id: model.id({ prefix: "comp" }).primaryKey(),
    name: model.text().searchable(),
    email: model.text().searchable(),
    phone: model.text().nullable(),
    tax_id: model.text().nullable(),
    status: model.enum([...COMPANY_STATUSES]).default("active"),
    payment_terms: model.enum([...PAYMENT_TERMS]).default("prepaid"),
    credit_limit: model.bigNumber().nullable(),
    currency_code: model.text().default("eur"),
    timezone: model.text().default("UTC"),
    customer_group_id: model.text().nullable(),
    employees: model.hasMany(() => CompanyEmployee, { mappedBy: "company" }),
    invites: model.hasMany(() => CompanyInvite, { mappedBy: "company" }),
    orders: model.hasMany(() => CompanyOrder, { mappedBy: "company" }),
    approvals: model.hasMany(() => CompanyApproval, { mappedBy: "company" }),
    addresses: model.hasMany(() => CompanyAddress, { mappedBy: "company" }),
  })
  .cascades({ delete: ["employees", "invites", "addresses"] })
  .indexes([
    { on: ["status"], where: "deleted_at IS NULL" },
    { on: ["customer_group_id"], where: "deleted_at IS NULL" },
  ])
