import { model } from "@medusajs/framework/utils"

/**
 * The commission charged on one vendor-order line (an item, or a shipping
 * method when the rule includes shipping), with a snapshot of the rule's
 * rate. Written once at split time and never changed.
 */
export const CommissionLine = model
  .define("commission_line", {
    id: model.id({ prefix: "cline" }).primaryKey(),
    order_id: model.text(),
    vendor_order_id: model.text(),
    vendor_id: model.text(),
    line_type: model.enum(["item", "shipping"]),
    reference_id: model.text(),
    rule_id: model.text().nullable(),
    rule_name: model.text().nullable(),
    rate_type: model.text().nullable(),
    rate_value: model.bigNumber().nullable(),
    currency_code: model.text(),
    quantity: model.bigNumber(),
    base_amount: model.bigNumber(),
    amount: model.bigNumber(),
  })
  .indexes([{ on: ["vendor_order_id", "reference_id"], unique: true, where: "deleted_at IS NULL" }, { on: ["vendor_id", "created_at"] }])
