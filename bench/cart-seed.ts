import fs from "node:fs"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { seedMarketplaceBasics } from "../src/scripts/lib/marketplace-basics"
import { seedSellingVendor } from "../src/scripts/lib/demo-vendors"

/**
 * Run by bench/cart.mjs through `medusa exec` before the server starts:
 * the marketplace basics and BENCH_VENDORS selling vendors (one product
 * with plenty of stock and one flat-rate shipping option each; owner login
 * password "lilium-vendor"). Writes what the HTTP bench needs to
 * bench/out/cart-seed.json.
 */
export default async function seed({ container }: ExecArgs) {
  const count = Number(process.env.BENCH_VENDORS || "50")
  const basics = await seedMarketplaceBasics(container, { adminEmail: "bench@lilium.local", adminPassword: "bench-password" })
  const region = basics.regions.find((r) => r.currency_code === "eur")!
  const vendors: { email: string; variant_id: string; product_id: string; shipping_option_id: string }[] = []
  for (let v = 0; v < count; v++) {
    const made = await seedSellingVendor(container, basics, {
      name: `Cart Bench Vendor ${v + 1}`,
      email: `owner@cart-bench-${v + 1}.example`,
      product: {
        title: `Cart Bench Product ${v + 1}`,
        handle: `cart-bench-product-${v + 1}`,
        eur: 10 + v + 0.99,
        usd: 12 + v,
        stock: 1_000_000,
      },
      shipping: { name: `Cart Bench Shipping ${v + 1}`, eur: 4.95, usd: 5.95 },
    })
    vendors.push({
      email: `owner@cart-bench-${v + 1}.example`,
      variant_id: made.product.variant_id,
      product_id: made.product.id,
      shipping_option_id: made.shipping_option_id,
    })
  }
  fs.mkdirSync(path.join(process.cwd(), "bench", "out"), { recursive: true })
  fs.writeFileSync(
    path.join(process.cwd(), "bench", "out", "cart-seed.json"),
    JSON.stringify({ publishable_key: basics.publishable_key, region_id: region.id, vendors }, null, 2)
  )
}
