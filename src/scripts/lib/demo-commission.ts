import type { MedusaContainer } from "@medusajs/framework/types"
import { createCommissionRuleWorkflow } from "../../workflows/commission/workflows/create-commission-rule"
import type { DemoCatalog } from "./demo-vendors"
import type { DemoShop } from "./demo-catalog"

/**
 * The operator's commission rules, made before the first demo order so that
 * every order carries commission lines (docs/commission.md):
 * - 10% on everything (the global rule);
 * - Papyrus' negotiated 8% (a vendor rule: its floor instead of the 10%);
 * - 12% on furniture, at least €5 and at most €40 per line (a category
 *   rule that raises Oakline's floor; the desk at €549 hits the cap).
 */
export async function seedDemoCommissionRules(
  container: MedusaContainer,
  catalog: DemoCatalog,
  shop: DemoShop,
  log: (m: string) => void = () => {}
) {
  const papyrus = catalog.vendors.find((v) => v.handle === "papyrus-supplies")!
  const base = { rate_type: "percentage", priority: 0, include_shipping: false, is_active: true, overrides_vendor_floor: false }
  const rules = [
    { ...base, name: "Marketplace standard", value: 10, scope_type: "global", scope_id: null },
    { ...base, name: "Papyrus Supplies contract", value: 8, scope_type: "vendor", scope_id: papyrus.id },
    {
      ...base,
      name: "Furniture",
      value: 12,
      currency_code: "eur",
      min_amount: 5,
      max_amount: 40,
      scope_type: "product_category",
      scope_id: shop.categories.furniture,
    },
  ]
  for (const rule of rules) await createCommissionRuleWorkflow(container).run({ input: rule })
  log(`commission rules: ${rules.map((r) => `${r.name} ${r.value}%`).join(", ")}`)
}
