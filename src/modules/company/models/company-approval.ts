import { model } from "@medusajs/framework/utils"
import { Company } from "./company"

export const APPROVAL_STATUSES = ["pending", "approved", "rejected", "voided"] as const
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number]

/**
 * A request to approve a cart above the company's threshold. It covers the
 * cart as it was when asked: cart_fingerprint hashes the cart's lines and
 * totals, and a cart whose fingerprint no longer matches is not covered (the
 * approval becomes voided when that is noticed). At most one live (pending or
 * approved) approval per cart; decisions are compare-and-set on status.
 */
export const CompanyApproval = model
  .define("company_approval", {
    id: model.id({ prefix: "capr" }).primaryKey(),
    cart_id: model.text(),
    requested_by: model.text(),
    requester_customer_id: model.text(),
    status: model.enum([...APPROVAL_STATUSES]).default("pending"),
    cart_fingerprint: model.text(),
    cart_total: model.bigNumber(),
    currency_code: model.text(),
    decided_by: model.text().nullable(),
    decided_at: model.dateTime().nullable(),
    note: model.text().nullable(),
    company: model.belongsTo(() => Company, { mappedBy: "approvals" }),
  })
  .indexes([
    { on: ["cart_id"], unique: true, where: "deleted_at IS NULL AND status IN ('pending', 'approved')" },
    { on: ["company_id", "status"], where: "deleted_at IS NULL" },
  ])
