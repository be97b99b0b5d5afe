import { model } from "@medusajs/framework/utils"
import { Company } from "./company"

/**
 * An order placed by an employee for a company, written by the checkout
 * (complete-marketplace-cart) in the same run that creates the order and
 * while the employee's spending lock is held. It is what spending limits,
 * the company's spend and the company shown on vendor orders read; total is
 * the order's total at placement, in currency_code. Refunds are not stored
 * here: they are read from the vendor orders' refunded totals, which every
 * refund path keeps (the refund gate).
 */
export const CompanyOrder = model
  .define("company_order", {
    id: model.id({ prefix: "cord" }).primaryKey(),
    employee_id: model.text(),
    customer_id: model.text(),
    order_id: model.text(),
    cart_id: model.text(),
    currency_code: model.text(),
    total: model.bigNumber(),
    placed_at: model.dateTime(),
    company: model.belongsTo(() => Company, { mappedBy: "orders" }),
  })
  .indexes([
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["employee_id", "placed_at"], where: "deleted_at IS NULL" },
    { on: ["company_id", "placed_at"], where: "deleted_at IS NULL" },
  ])
