import fc from "fast-check"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { BigNumber, MathBN } from "@medusajs/framework/utils"
import { LEDGER_MODULE } from ".."
import type LedgerModuleService from "../service"
import { refundPostings, splitPostings, type LedgerVendorOrder } from "../postings"
import { commissionAmount } from "../../commission/resolve"

jest.setTimeout(300_000)

/**
 * Random sequences of orders (split across two vendors, with commission),
 * partial refunds and returns, cancellations, deliveries and operator
 * adjustments, posted to the real ledger tables through the module, with
 * the invariants checked to the cent after every step:
 * - every row is in whole cents;
 * - one order's sales add up to the order's rounded total;
 * - per vendor order: sale − refunds ≥ 0, reversals ≤ commission, and a
 *   vendor order refunded in full sums to exactly 0;
 * - per vendor: pending + available (the database's sums) = Σ of the rows
 *   posted (the test's own sum), and available = Σ of released rows.
 */
moduleIntegrationTestRunner<LedgerModuleService>({
  moduleName: LEDGER_MODULE,
  resolve: "./src/modules/ledger",
  testSuite: ({ service }) => {
    const exact = fc.integer({ min: 1, max: 5_000_000 }).map((n) => n / 10_000) // up to 4 decimals, like Medusa's line sums
    const rate = fc.integer({ min: 0, max: 3000 }).map((n) => n / 100) // 0–30 %

    type Op =
      | { kind: "order"; parts: { vendor: 0 | 1; total: number; rate: number }[] }
      | { kind: "refund"; pick: number; share: number }
      | { kind: "cancel"; pick: number }
      | { kind: "deliver"; pick: number }
      | { kind: "adjust"; vendor: 0 | 1; cents: number }

    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constant("order" as const),
        parts: fc.array(fc.record({ vendor: fc.constantFrom(0 as const, 1 as const), total: exact, rate }), { minLength: 1, maxLength: 2 }),
      }),
      fc.record({ kind: fc.constant("refund" as const), pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }) }),
      fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("deliver" as const), pick: fc.nat() }),
      fc.record({
        kind: fc.constant("adjust" as const),
        vendor: fc.constantFrom(0 as const, 1 as const),
        cents: fc.integer({ min: -50_000, max: 50_000 }).filter((c) => c !== 0),
      })
    )

    it("holds the ledger invariants over 200 random sequences", async () => {
      let run = 0
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
          run++
          const vendors = [`ven_p${run}_a`, `ven_p${run}_b`]
          const orders: (LedgerVendorOrder & { refunded_total: any; delivered: boolean })[] = []
          const posted: { vendor_id: string; amount: any; released: boolean; vendor_order_id?: string }[] = []
          let seq = 0
          const post = async (rows: any[], released: boolean) => {
            await service.post(rows)
            for (const r of rows)
              posted.push({
                vendor_id: r.vendor_id,
                amount: r.amount,
                released: released || !!r.available_at,
                vendor_order_id: r.vendor_order_id,
              })
          }
          const sumOf = (vo: string) => posted.filter((p) => p.vendor_order_id === vo).reduce<any>((a, p) => MathBN.add(a, p.amount), 0)

          for (const o of ops) {
            if (o.kind === "order") {
              const orderId = `order_p${run}_${++seq}`
              const vos = o.parts.map((p, i) => ({
                id: `vo_p${run}_${seq}_${i}`,
                vendor_id: vendors[p.vendor],
                order_id: orderId,
                currency_code: "eur",
                total: p.total,
                commission_total: commissionAmount(
                  {
                    id: "r",
                    rate_type: "percentage",
                    value: p.rate,
                    scope_type: "global",
                    priority: 0,
                    include_shipping: false,
                    is_active: true,
                    created_at: new Date(),
                  },
                  p.total,
                  1,
                  "eur"
                ),
                refunded_total: 0 as any,
                delivered: false,
              }))
              const rows = splitPostings(vos, new Set(vos.map((v) => v.id)))
              await post(rows, false)
              orders.push(...vos)
              // One order's sales add up to its rounded total.
              const sales = rows.filter((r) => r.type === "sale").reduce<any>((a, r) => MathBN.add(a, r.amount), 0)
              const total = vos.reduce<any>((a, v) => MathBN.add(a, v.total), 0)
              expect(new BigNumber(sales).numeric).toBe(new BigNumber(MathBN.convert(total).decimalPlaces(2, 6)).numeric)
            } else if (!orders.length && o.kind !== "adjust") {
              continue
            } else if (o.kind === "refund" || o.kind === "cancel") {
              const vo = orders[(o as any).pick % orders.length]
              const left = MathBN.sub(vo.total, vo.refunded_total)
              if (MathBN.lte(left, 0)) continue
              const amount = o.kind === "cancel" ? left : MathBN.convert(left).multipliedBy(o.share).dividedBy(100).decimalPlaces(4, 1)
              if (MathBN.lte(amount, 0)) continue
              vo.refunded_total = MathBN.add(vo.refunded_total, amount)
              const sums: Record<string, any> = {}
              for (const r of await service.listVendorTransactions({ vendor_order_id: vo.id }))
                sums[r.type] = MathBN.add(sums[r.type] ?? 0, (r as any).raw_amount ?? r.amount)
              const availableAt = vo.delivered ? new Date(Date.now() - 1000) : null
              await post(refundPostings(vo, sums, amount, availableAt), false)
              // Refunds never exceed the sale; reversals never exceed the commission.
              const byType: Record<string, any> = {}
              for (const r of await service.listVendorTransactions({ vendor_order_id: vo.id }))
                byType[r.type] = MathBN.add(byType[r.type] ?? 0, (r as any).raw_amount ?? r.amount)
              expect(MathBN.gte(MathBN.add(byType.sale ?? 0, byType.refund ?? 0), 0)).toBe(true)
              expect(MathBN.lte(MathBN.add(byType.commission ?? 0, byType.commission_reversal ?? 0), 0)).toBe(true)
              if (MathBN.gte(vo.refunded_total, vo.total)) expect(new BigNumber(sumOf(vo.id)).numeric).toBe(0)
            } else if (o.kind === "deliver") {
              const vo = orders[o.pick % orders.length]
              if (vo.delivered) continue
              vo.delivered = true
              await service.releaseVendorOrder(vo.id, new Date(Date.now() - 1000))
              for (const p of posted) if (p.vendor_order_id === vo.id) p.released = true
            } else if (o.kind === "adjust") {
              await post(
                [
                  {
                    vendor_id: vendors[o.vendor],
                    type: "adjustment",
                    amount: new BigNumber(o.cents / 100),
                    currency_code: "eur",
                    available_at: new Date(Date.now() - 1000),
                    idempotency_key: `adj:${run}:${++seq}`,
                  },
                ],
                true
              )
            }

            // After every step: whole cents, and the database's balances equal the rows.
            for (const p of posted) expect(MathBN.convert(p.amount).decimalPlaces()).toBeLessThanOrEqual(2)
            for (const vendor of vendors) {
              const mine = posted.filter((p) => p.vendor_id === vendor)
              const [balance] = await service.balances(vendor)
              const all = mine.reduce<any>((a, p) => MathBN.add(a, p.amount), 0)
              const released = mine.filter((p) => p.released).reduce<any>((a, p) => MathBN.add(a, p.amount), 0)
              if (!mine.length) {
                expect(balance).toBeUndefined()
                continue
              }
              expect(Math.round((balance.pending + balance.available) * 100)).toBe(Math.round(Number(all) * 100))
              expect(Math.round(balance.available * 100)).toBe(Math.round(Number(released) * 100))
            }
          }
        }),
        { numRuns: 200 }
      )
      expect(run).toBeGreaterThanOrEqual(200)
    })
  },
})
