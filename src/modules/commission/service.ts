import { MedusaService } from "@medusajs/framework/utils"
import { CommissionRule } from "./models/commission-rule"
import { CommissionLine } from "./models/commission-line"

class CommissionModuleService extends MedusaService({ CommissionRule, CommissionLine }) {
  /**
   * Every rule that could apply to an order placed now, loaded once per
   * order (the split resolves all lines against this list in memory).
   */
  async listApplicableRules(vendorIds: string[], at: Date = new Date()) {
    const rules = await this.listCommissionRules(
      {
        is_active: true,
        $and: [
          { $or: [{ starts_at: null }, { starts_at: { $lte: at } }] },
          { $or: [{ ends_at: null }, { ends_at: { $gt: at } }] },
          { $or: [{ scope_type: { $ne: "vendor" } }, { scope_id: vendorIds }] },
        ],
      },
      { take: null }
    )
    return rules
  }
}

export default CommissionModuleService
