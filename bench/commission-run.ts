import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { ProductStatus } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createProductCategoriesWorkflow } from "@medusajs/medusa/core-flows"
import { seedMarketplaceBasics } from "../src/scripts/lib/marketplace-basics"
import { seedSellingVendor } from "../src/scripts/lib/demo-vendors"
import { createVendorProductsWorkflow } from "../src/workflows/vendor-catalog/workflows/create-vendor-products"
import { computeCommissionsStep } from "../src/workflows/vendor-order/steps/compute-commissions"
import { writeVendorSplitStep } from "../src/workflows/vendor-order/steps/write-vendor-split"
import { COMMISSION_MODULE } from "../src/modules/commission"
import type { SplitVendorOrder } from "../src/modules/vendor/types"

// The commission part of the split, with the steps the split runs
// (composeVendorSplit): rules loaded once, product facts once, every line
// resolved, then the split's one-transaction write, which stores the
// commission lines together with the vendor order, its lines and its ledger
// rows (decision 48).
const commissionOfSplit = createWorkflow("bench-commission-of-split", (input: { order_id: string; splits: SplitVendorOrder[] }) => {
  const priced = computeCommissionsStep({ splits: input.splits })
  writeVendorSplitStep(
    transform({ input, priced }, ({ input, priced }) => ({ order_id: input.order_id, splits: priced.splits, lines: priced.lines }))
  )
  return new WorkflowResponse(priced)
})

/**
 * Run by bench/run.mjs through `medusa exec`. One vendor with 200 products in a category
 * tree; for each (lines, rules) it times the commission part of the split
 * 20 times and reports p50/p95.
 */
export default async function run({ container }: ExecArgs) {
  const log = (m: string) => console.log(`[bench] ${m}`)
  const iterations = Number(process.env.BENCH_ITERATIONS || "20")
  const basics = await seedMarketplaceBasics(container, { adminEmail: "bench@lilium.local", adminPassword: "bench-password" })
  const v = await seedSellingVendor(container, basics, {
    name: "Bench Vendor",
    email: "owner@bench.example",
    product: { title: "Seed", handle: "seed", eur: 1, usd: 1, stock: 1 },
    shipping: { name: "Bench Shipping", eur: 4.95, usd: 5.95 },
  })
  log("creating categories and 200 products")
  const { result: roots } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: Array.from({ length: 10 }, (_, i) => ({ name: `Root ${i}`, is_active: true })) },
  })
  const { result: leaves } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: roots.map((r, i) => ({ name: `Leaf ${i}`, parent_category_id: r.id, is_active: true })) },
  })
  const { data: setup } = await container
    .resolve("query")
    .graph({ entity: "vendor", fields: ["shipping_profile.id"], filters: { id: v.vendor.id } })
  const { result: products } = await createVendorProductsWorkflow(container).run({
    input: {
      vendor_id: v.vendor.id,
      shipping_profile_id: (setup[0] as any).shipping_profile.id,
      sales_channel_id: basics.sales_channel_id,
      products: Array.from({ length: 200 }, (_, i) => ({
        title: `Bench ${i}`,
        handle: `bench-${i}`,
        status: ProductStatus.PUBLISHED,
        categories: [{ id: leaves[i % leaves.length].id }],
        options: [{ title: "Default", values: ["Default"] }],
        variants: [{ title: "Default", options: { Default: "Default" }, prices: [{ currency_code: "eur", amount: 10 + i }] }],
      })),
    },
  })

  const commission: any = container.resolve(COMMISSION_MODULE)
  async function setRules(count: number) {
    const existing = await commission.listCommissionRules({}, { take: null })
    if (existing.length) await commission.deleteCommissionRules(existing.map((r: any) => r.id))
    const rules: any[] = []
    for (let i = 0; i < count; i++) {
      const kind = i % 4
      rules.push(
        kind === 0
          ? { name: `global ${i}`, rate_type: "percentage", value: 10 + (i % 5), scope_type: "global", priority: i }
          : kind === 1
            ? {
                name: `vendor ${i}`,
                rate_type: "percentage",
                value: 5,
                scope_type: "vendor",
                scope_id: i === 1 ? v.vendor.id : `ven_other_${i}`,
              }
            : kind === 2
              ? {
                  name: `category ${i}`,
                  rate_type: "flat",
                  value: 2,
                  currency_code: "eur",
                  min_amount: 1,
                  max_amount: 5,
                  scope_type: "product_category",
                  scope_id: roots[i % roots.length].id,
                }
              : {
                  name: `product ${i}`,
                  rate_type: "percentage",
                  value: 7,
                  scope_type: "product",
                  scope_id: products[i % products.length].id,
                }
      )
    }
    if (rules.length) await commission.createCommissionRules(rules)
  }

  const split = (lines: number): SplitVendorOrder => ({
    vendor_id: v.vendor.id,
    currency_code: "eur",
    customer_id: null,
    email: null,
    subtotal: 0,
    item_total: 0,
    shipping_total: 4.95,
    discount_total: 0,
    tax_total: 0,
    total: 0,
    items: products.slice(0, lines).map((p: any, i: number) => ({
      line_item_id: `ordli_bench_${i}`,
      product_id: p.id,
      variant_id: p.variants?.[0]?.id ?? null,
      title: p.title,
      variant_title: null,
      sku: null,
      thumbnail: null,
      quantity: 1 + (i % 3),
      unit_price: 10 + i,
      subtotal: (10 + i) * (1 + (i % 3)),
      discount_total: 0,
      tax_total: 0,
      total: (10 + i) * (1 + (i % 3)),
    })),
    shipping_methods: [
      {
        shipping_method_id: "ordsm_bench",
        shipping_option_id: v.shipping_option_id,
        name: "Bench",
        amount: 4.95,
        subtotal: 4.95,
        discount_total: 0,
        tax_total: 0,
        total: 4.95,
      },
    ],
  })

  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]
  const results: any[] = []
  let n = 0
  for (const rules of [0, 10, 50]) {
    await setRules(rules)
    for (const lines of [10, 50, 200]) {
      const times: number[] = []
      for (let i = -1; i < iterations; i++) {
        const t0 = process.hrtime.bigint()
        await commissionOfSplit(container).run({ input: { order_id: `order_bench_${++n}`, splits: [split(lines)] } })
        if (i >= 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6) // i = -1 is a warm-up
      }
      const row = { rules, lines, p50_ms: pct(times, 50), p95_ms: pct(times, 95) }
      results.push(row)
      log(JSON.stringify(row))
    }
  }
  const machine = { cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model, node: process.version, date: new Date().toISOString() }
  fs.mkdirSync(path.join(process.cwd(), "bench", "out"), { recursive: true })
  fs.writeFileSync(path.join(process.cwd(), "bench", "out", "commission.json"), JSON.stringify({ machine, results }, null, 2))
  console.log("\n| rules | lines | p50 | p95 |\n|---:|---:|---:|---:|")
  for (const r of results) console.log(`| ${r.rules} | ${r.lines} | ${r.p50_ms.toFixed(1)} ms | ${r.p95_ms.toFixed(1)} ms |`)
}
