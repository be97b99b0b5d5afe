import { model } from "@medusajs/framework/utils"
import { Company } from "./company"
import { COMPANY_ROLES, SPENDING_PERIODS } from "./company-employee"

/**
 * An invitation to join a company, by e-mail. Only a SHA-256 hash of the
 * one-time token is stored (as vendor invites); accepted_at is set once, by
 * compare-and-set. invited_by is the inviting employee's id.
 */
export const CompanyInvite = model
  .define("company_invite", {
    id: model.id({ prefix: "cinv" }).primaryKey(),
    email: model.text(),
    role: model.enum([...COMPANY_ROLES]),
    spending_limit: model.bigNumber().nullable(),
    spending_period: model.enum([...SPENDING_PERIODS]).nullable(),
    token_hash: model.text(),
    expires_at: model.dateTime(),
    accepted_at: model.dateTime().nullable(),
    invited_by: model.text().nullable(),
    company: model.belongsTo(() => Company, { mappedBy: "invites" }),
  })
  .indexes([{ on: ["token_hash"], unique: true }])
