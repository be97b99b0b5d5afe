import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import { LEDGER_MODULE } from ".."
import type LedgerModuleService from "../service"

jest.setTimeout(120_000)

/**
 * The database half of "never pay twice", without the run lock in front of
 * it: payouts created concurrently for one vendor serialize on the
 * vendor's lock, so only one of them gets the money, and its amount is
 * exactly the sum of the rows it covers.
 */
moduleIntegrationTestRunner<LedgerModuleService>({
  moduleName: LEDGER_MODULE,
  resolve: "./src/modules/ledger",
  testSuite: ({ service }) => {
    const earn = async (vendor: string, amounts: string[]) =>
      service.post(
        amounts.map((amount, i) => ({
          vendor_id: vendor,
          type: i % 2 ? "commission" : "sale",
          amount,
          currency_code: "eur",
          available_at: new Date(Date.now() - 60_000),
          idempotency_key: `${vendor}-${i}`,
        }))
      )
    const account = { provider: "manual", payout_account_id: "poacc_test" }

    it("ten concurrent payouts for one vendor (different runs) create one payout of the exact balance", async () => {
      await earn("ven_a", ["100.10", "-10.01", "0.07", "-0.01", "33.33"])
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          service.createPayoutForBalance({ vendor_id: "ven_a", currency_code: "eur", run_id: `porun_${i}`, ...account })
        )
      )
      const created = results.filter(Boolean)
      expect(created).toHaveLength(1)
      expect(MathBN.convert(created[0]!.amount).toString()).toBe("123.48")
      const [balance] = await service.balances("ven_a")
      expect([balance.available, balance.in_transit, balance.paid_out]).toEqual([0, 123.48, 0])
      const items = await service.listPayoutItems({ payout_id: created[0]!.id } as any)
      expect(items).toHaveLength(5)
    })

    it("the same run asked twice returns its payout; a minimum holds small balances back; a failed payout frees its rows once", async () => {
      await earn("ven_b", ["20.00"])
      expect(
        await service.createPayoutForBalance({ vendor_id: "ven_b", currency_code: "eur", run_id: "porun_x", min_amount: "25", ...account })
      ).toBeNull()
      const first = await service.createPayoutForBalance({ vendor_id: "ven_b", currency_code: "eur", run_id: "porun_x", ...account })
      const again = await service.createPayoutForBalance({ vendor_id: "ven_b", currency_code: "eur", run_id: "porun_x", ...account })
      expect(again!.id).toBe(first!.id)
      expect((await service.listPayouts({ vendor_id: "ven_b" })).length).toBe(1)

      expect(await service.failPayout(first!.id, { code: "test", reason: "bounced" })).toEqual({ changed: true, status: "failed" })
      // A replayed failure posts nothing more.
      expect(await service.failPayout(first!.id, { code: "test", reason: "bounced" })).toEqual({ changed: false, status: "failed" })
      expect((await service.balances("ven_b"))[0]).toMatchObject({ available: 20, in_transit: 0, paid_out: 0 })

      // A new run takes the freed rows; the failed payout can then no longer be retried.
      const second = await service.createPayoutForBalance({ vendor_id: "ven_b", currency_code: "eur", run_id: "porun_y", ...account })
      expect(MathBN.convert(second!.amount).toString()).toBe("20")
      await expect(service.reopenPayout(first!.id)).rejects.toThrow(`were paid out since by payout ${second!.id}`)
      expect((await service.balances("ven_b"))[0]).toMatchObject({ available: 0, in_transit: 20 })
    })
  },
})
