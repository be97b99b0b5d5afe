import { model } from "@medusajs/framework/utils"

/**
 * One payout run (scheduled or started by an operator). Payouts point at
 * their run by id (they live in the ledger module).
 */
export const PayoutRun = model.define("payout_run", {
  id: model.id({ prefix: "porun" }).primaryKey(),
  status: model.enum(["running", "completed", "failed"]).default("running"),
  currency_code: model.text().nullable(),
  trigger: model.enum(["schedule", "operator"]).default("operator"),
  created_by: model.text().nullable(),
  payout_count: model.number().default(0),
  completed_at: model.dateTime().nullable(),
  error: model.text().nullable(),
})
