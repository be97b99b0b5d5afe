import { splitOrderByVendor, type SplittableOrder } from "../utils/split-order"
import { marketplaceStatus } from "../../../modules/vendor/vendor-order-status"

const line = (id: string, product_id: string, total: number, extra: Partial<SplittableOrder["items"][number]> = {}) => ({
  id,
  product_id,
  variant_id: `var_${id}`,
  title: id,
  quantity: 1,
  unit_price: total,
  subtotal: total,
  discount_total: 0,
  tax_total: 0,
  total,
  ...extra,
})
const ship = (id: string, option: string, total: number) => ({
  id,
  shipping_option_id: option,
  name: id,
  amount: total,
  subtotal: total,
  discount_total: 0,
  tax_total: 0,
  total,
})

describe("splitOrderByVendor", () => {
  const order: SplittableOrder = {
    id: "order_1",
    currency_code: "eur",
    customer_id: "cus_1",
    email: "a@b.example",
    items: [
      line("i1", "p_a", 0.1),
      line("i2", "p_a", 0.2),
      line("i3", "p_b", 10, { subtotal: 10, discount_total: 1.19, tax_total: 1.71, total: 10.52 }),
      line("i4", "p_operator", 5),
    ],
    shipping_methods: [ship("s1", "so_a", 4.95), ship("s2", "so_b", 0.01), ship("s3", "so_unknown", 1)],
  }
  const vendors = new Map([
    ["p_a", "ven_a"],
    ["p_b", "ven_b"],
  ])
  const options = new Map([
    ["so_a", "ven_a"],
    ["so_b", "ven_b"],
  ])

  it("groups items by product vendor and shipping by option vendor, summing exactly (no float drift)", () => {
    const [a, b] = splitOrderByVendor(order, vendors, options)
    expect(a.vendor_id).toBe("ven_a")
    expect(a.items.map((i) => i.line_item_id)).toEqual(["i1", "i2"])
    // 0.1 + 0.2 is 0.30000000000000004 in floats; MathBN keeps it 0.3.
    expect((a.item_total as any).numeric).toBe(0.3)
    expect((a.total as any).numeric).toBe(5.25)
    expect(a.shipping_methods.map((m) => m.shipping_method_id)).toEqual(["s1"])
    expect(b.vendor_id).toBe("ven_b")
    expect((b.total as any).numeric).toBe(10.53)
    expect((b.discount_total as any).numeric).toBe(1.19)
    expect((b.tax_total as any).numeric).toBe(1.71)
    expect((b.subtotal as any).numeric).toBe(10.01)
  })

  it("leaves the operator's own lines and unknown shipping out, and skips vendors with only shipping", () => {
    const parts = splitOrderByVendor(order, vendors, new Map([...options, ["so_unknown", "ven_c"]]))
    expect(parts.map((p) => p.vendor_id)).toEqual(["ven_a", "ven_b"])
    expect(parts.flatMap((p) => p.items.map((i) => i.line_item_id))).not.toContain("i4")
  })

  it("returns nothing for an order without vendor items", () => {
    expect(splitOrderByVendor({ ...order, items: [line("x", "p_operator", 1)] }, vendors, options)).toEqual([])
  })
})

describe("marketplaceStatus", () => {
  it.each([
    [[], "not_split"],
    [["pending", "pending"], "pending"],
    [["accepted", "pending"], "partially_accepted"],
    [["shipped", "accepted"], "partially_shipped"],
    [["delivered", "delivered", "rejected"], "delivered"],
    [["delivered", "shipped"], "partially_delivered"],
    [["rejected", "canceled"], "canceled"],
  ])("%j → %s", (statuses, expected) => {
    expect(marketplaceStatus(statuses as string[])).toBe(expected)
  })
})
