import { marketplaceStatus, nextVendorOrderStatus, progressMove } from "../vendor-order-status"

describe("vendor order status", () => {
  it("allows a decision only from its statuses", () => {
    expect(nextVendorOrderStatus("pending", "accept")).toBe("accepted")
    expect(nextVendorOrderStatus("accepted", "cancel")).toBe("canceled")
    expect(() => nextVendorOrderStatus("shipped", "cancel")).toThrow("Cannot cancel a vendor order that is shipped.")
  })

  it("moves forward along the fulfillment path, stamping what it passes", () => {
    const at = new Date(0)
    expect(progressMove("accepted", "shipped", at)).toEqual({
      from: ["accepted", "fulfilled"],
      to: "shipped",
      stamps: { fulfilled_at: at, shipped_at: at },
    })
    expect(progressMove("shipped", "fulfilled", at)).toBeNull()
    expect(progressMove("delivered", "delivered", at)).toBeNull()
  })

  it("derives the master order's status", () => {
    expect(marketplaceStatus([])).toBe("not_split")
    expect(marketplaceStatus(["shipped", "accepted", "canceled"])).toBe("partially_shipped")
    expect(marketplaceStatus(["rejected", "canceled"])).toBe("canceled")
    expect(marketplaceStatus(["delivered", "delivered"])).toBe("delivered")
  })
})
