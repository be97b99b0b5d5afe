import { model } from "@medusajs/framework/utils"

/**
 * A company's approval rule: carts whose total is above approval_threshold
 * (in currency_code) need an approved approval before they complete. One row
 * per company; a null threshold turns approvals off.
 */
export const CompanyApprovalSettings = model
  .define("company_approval_settings", {
    id: model.id({ prefix: "caps" }).primaryKey(),
    company_id: model.text(),
    currency_code: model.text(),
    approval_threshold: model.bigNumber().nullable(),
  })
  .indexes([{ on: ["company_id"], unique: true, where: "deleted_at IS NULL" }])
