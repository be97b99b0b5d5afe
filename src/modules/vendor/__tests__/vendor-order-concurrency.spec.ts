import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { BigNumber } from "@medusajs/framework/utils"
import { VENDOR_MODULE } from ".."
import type VendorModuleService from "../service"

jest.setTimeout(120_000)

/**
 * The database half of the refund gate and of the status transitions,
 * without the order's payment lock in front of them (as if two servers did
 * not share a Locking module): the vendor order's row lock alone keeps
 * refunds within its total and lets one transition win.
 */
moduleIntegrationTestRunner<VendorModuleService>({
  moduleName: VENDOR_MODULE,
  resolve: "./src/modules/vendor",
  testSuite: ({ service }) => {
    const vendorOrder = async (total: string) => {
      const vendor = await service.createVendors({
        handle: `v-${Math.random().toString(36).slice(2)}`,
        name: "V",
        email: "v@example.com",
      } as any)
      const [vo] = await (service.createVendorOrders as any)([
        {
          vendor_id: vendor.id,
          order_id: `order_${Math.random().toString(36).slice(2)}`,
          display_id: 1,
          currency_code: "eur",
          subtotal: new BigNumber(total),
          item_total: new BigNumber(total),
          shipping_total: new BigNumber(0),
          discount_total: new BigNumber(0),
          tax_total: new BigNumber(0),
          total: new BigNumber(total),
          status: "pending",
        },
      ] as any)
      return vo
    }
    const refunded = async (id: string) => ((await service.retrieveVendorOrder(id)) as any).raw_refunded_total.value

    it("ten concurrent exact reservations of the whole total: one passes, nine are refused, refunded_total is the total to the cent", async () => {
      const vo = await vendorOrder("104.75")
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => service.reserveVendorOrderRefund(vo.id, { amount: "104.75", mode: "exact" }))
      )
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
      const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]
      expect(refused).toHaveLength(9)
      expect(refused.every((r) => r.reason.message === "Cannot refund 104.75: only 0 of this vendor order is left to refund.")).toBe(true)
      expect(await refunded(vo.id)).toBe("104.75")
    })

    it("concurrent up-to reservations share exactly what is left; the payment cap and releases hold", async () => {
      const vo = await vendorOrder("100.01")
      const results = await Promise.all(
        Array.from({ length: 7 }, () => service.reserveVendorOrderRefund(vo.id, { amount: "30", mode: "up_to" }))
      )
      const amounts = results.map((r) => r.amount.numeric).sort((a, b) => a - b)
      expect(amounts).toEqual([0, 0, 0, 10.01, 30, 30, 30])
      expect(await refunded(vo.id)).toBe("100.01")

      await service.releaseVendorOrderRefund(vo.id, "30")
      expect(await refunded(vo.id)).toBe("70.01")
      // The payment has only 12.5 left: an exact 20 is refused, up-to gets 12.5.
      await expect(service.reserveVendorOrderRefund(vo.id, { amount: "20", mode: "exact", payment_left: "12.5" })).rejects.toThrow(
        "Cannot refund 20: only 12.5 of the order's payment is left to refund."
      )
      expect((await service.reserveVendorOrderRefund(vo.id, { amount: null, mode: "up_to", payment_left: "12.5" })).amount.numeric).toBe(
        12.5
      )
      expect(await refunded(vo.id)).toBe("82.51")
      await expect(service.reserveVendorOrderRefund(vo.id, { amount: "-1", mode: "exact" })).rejects.toThrow(
        "A refund must be a positive amount."
      )
    })

    it("ten concurrent transitions from pending: one moves it, with one history row", async () => {
      const vo = await vendorOrder("10")
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          service.moveVendorOrderStatus(vo.id, {
            from: ["pending"],
            to: i % 2 ? "rejected" : "accepted",
            stamps: { [i % 2 ? "rejected_at" : "accepted_at"]: new Date() },
            actor_type: "vendor",
            actor_id: `mem_${i}`,
          })
        )
      )
      const winners = results.filter((r) => r.changed)
      expect(winners).toHaveLength(1)
      const history = await service.listVendorOrderStatusChanges({ vendor_order_id: vo.id } as any)
      expect(history).toHaveLength(1)
      const now = await service.retrieveVendorOrder(vo.id)
      expect(now.status).toBe(winners[0].status)
      expect(results.filter((r) => !r.changed).every((r) => r.status === now.status)).toBe(true)

      // Compensation restores only what it moved.
      const w = winners[0] as any
      expect(
        await service.revertVendorOrderStatus(vo.id, {
          expected: "canceled",
          status: w.from,
          previous: w.previous,
          history_id: w.history_id,
        })
      ).toBe(false)
      expect(
        await service.revertVendorOrderStatus(vo.id, { expected: w.status, status: w.from, previous: w.previous, history_id: w.history_id })
      ).toBe(true)
      const back = (await service.retrieveVendorOrder(vo.id)) as any
      expect([back.status, back.accepted_at, back.rejected_at]).toEqual(["pending", null, null])
      expect(await service.listVendorOrderStatusChanges({ vendor_order_id: vo.id } as any)).toHaveLength(0)
    })
  },
})
