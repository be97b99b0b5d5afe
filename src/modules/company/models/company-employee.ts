import { model } from "@medusajs/framework/utils"
import { Company } from "./company"

export const COMPANY_ROLES = ["admin", "approver", "buyer"] as const
export type CompanyRole = (typeof COMPANY_ROLES)[number]
export const SPENDING_PERIODS = ["order", "week", "month"] as const
export type SpendingPeriod = (typeof SPENDING_PERIODS)[number]

/**
 * A customer who buys for a company. customer_id is unique among employees
 * not removed: a customer belongs to at most one company (the index settles
 * two concurrent joins). spending_limit (in the company's currency) applies
 * per spending_period; both null means no limit.
 */
export const CompanyEmployee = model
  .define("company_employee", {
    id: model.id({ prefix: "cemp" }).primaryKey(),
    customer_id: model.text(),
    role: model.enum([...COMPANY_ROLES]).default("buyer"),
    spending_limit: model.bigNumber().nullable(),
    spending_period: model.enum([...SPENDING_PERIODS]).nullable(),
    company: model.belongsTo(() => Company, { mappedBy: "employees" }),
  })
  .indexes([
    { on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["company_id", "role"], where: "deleted_at IS NULL" },
  ])
