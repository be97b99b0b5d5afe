import { MathBN } from "@medusajs/framework/utils"
import { netSpend, returnedByOrder, returnedToBuyer } from ".."

describe("company spend", () => {
  it("counts a refund up to the vendor order's total, and all of a rejected or canceled vendor order", () => {
    expect(MathBN.convert(returnedToBuyer({ order_id: "o", status: "delivered", total: 10.1, refunded_total: 0.2 })).toNumber()).toBe(0.2)
    expect(MathBN.convert(returnedToBuyer({ order_id: "o", status: "shipped", total: 10, refunded_total: 12 })).toNumber()).toBe(10)
    expect(MathBN.convert(returnedToBuyer({ order_id: "o", status: "rejected", total: 10.1, refunded_total: 0 })).toNumber()).toBe(10.1)
    expect(MathBN.convert(returnedToBuyer({ order_id: "o", status: "canceled", total: 7, refunded_total: 7 })).toNumber()).toBe(7)
  })

  it("adds the vendor orders of one order exactly (raw values, no float drift) and never goes below 0", () => {
    const back = returnedByOrder([
      { order_id: "a", status: "delivered", total: 1, raw_refunded_total: { value: "0.1", precision: 20 }, refunded_total: 0.1 },
      { order_id: "a", status: "delivered", total: 1, raw_refunded_total: { value: "0.2", precision: 20 }, refunded_total: 0.2 },
      { order_id: "b", status: "pending", total: 5, refunded_total: 0 },
    ])
    expect(MathBN.convert(back.get("a")!).toFixed()).toBe("0.3")
    expect(netSpend(2, back.get("a")).numeric).toBe(1.7)
    expect(netSpend(5, back.get("b")).numeric).toBe(5)
    expect(netSpend(3, undefined).numeric).toBe(3)
    expect(netSpend(1, 2).numeric).toBe(0)
  })
})
