import { monthsBetween, monthIn, spendReport } from "../report"

const vo = (order_id: string, vendor_id: string, total: number | string, refunded_total = 0, status = "delivered") => ({
  order_id,
  vendor_id,
  total,
  refunded_total,
  status,
})

describe("company spend report", () => {
  it("months are calendar months in the company's zone, empty ones included", () => {
    // 1 Dec 00:30 in Berlin is 30 Nov in UTC.
    expect(monthIn(new Date("2026-11-30T23:30:00Z"), "Europe/Berlin")).toBe("2026-12")
    expect(monthIn(new Date("2026-11-30T23:30:00Z"), "UTC")).toBe("2026-11")
    expect(monthsBetween(new Date("2026-10-31T23:00:00Z"), new Date("2027-01-31T23:00:00Z"), "Europe/Berlin")).toEqual([
      "2026-11",
      "2026-12",
      "2027-01",
    ])
    expect(monthsBetween(new Date("2026-12-01T00:00:00Z"), new Date("2026-12-01T00:00:01Z"), "UTC")).toEqual(["2026-12"])
  })

  it("nets refunds and released vendor orders, to the cent, by period, vendor and employee", () => {
    const report = spendReport({
      currency_code: "eur",
      timezone: "Europe/Berlin",
      from: new Date("2026-10-31T23:00:00Z"),
      to: new Date("2027-01-31T23:00:00Z"),
      orders: [
        // 1 Dec in Berlin (30 Nov in UTC).
        { order_id: "o1", employee_id: "e1", total: 100.1, placed_at: "2026-11-30T23:30:00Z" },
        { order_id: "o2", employee_id: "e2", total: "30.3", placed_at: "2026-11-15T10:00:00Z" },
        { order_id: "o3", employee_id: "e1", total: 0.3, placed_at: "2027-01-05T10:00:00Z" },
      ],
      vendor_orders: [
        vo("o1", "v1", 60.05, 10.01),
        vo("o1", "v2", 40.05),
        vo("o2", "v1", 30.3, 0, "rejected"),
        vo("o3", "v2", 0.1),
        vo("o3", "v1", 0.2, 0.1),
      ],
    })
    expect(report.total).toEqual({ order_count: 3, total: 130.7, refunded_total: 40.41, net_total: 90.29 })
    expect(report.by_period).toEqual([
      { period: "2026-11", order_count: 1, total: 30.3, refunded_total: 30.3, net_total: 0 },
      { period: "2026-12", order_count: 1, total: 100.1, refunded_total: 10.01, net_total: 90.09 },
      { period: "2027-01", order_count: 1, total: 0.3, refunded_total: 0.1, net_total: 0.2 },
    ])
    expect(report.by_vendor).toEqual([
      { id: "v1", order_count: 3, total: 90.55, refunded_total: 40.41, net_total: 50.14 },
      { id: "v2", order_count: 2, total: 40.15, refunded_total: 0, net_total: 40.15 },
    ])
    expect(report.by_employee).toEqual([
      { id: "e1", order_count: 2, total: 100.4, refunded_total: 10.11, net_total: 90.29 },
      { id: "e2", order_count: 1, total: 30.3, refunded_total: 30.3, net_total: 0 },
    ])
  })
})
