import { BigNumber } from "@medusajs/framework/utils"
import { bigNumberColumns, buildSplitRows, modelRow } from "../utils/split-rows"
import { VendorOrder } from "../../../modules/vendor/models/vendor-order"
import { VendorOrderStatusChange } from "../../../modules/vendor/models/vendor-order-status-change"

const part = (vendor_id: string, total: string, commission: string) => ({
  vendor_id,
  currency_code: "eur",
  customer_id: null,
  email: "b@example.com",
  subtotal: total,
  item_total: total,
  shipping_total: 0,
  discount_total: 0,
  tax_total: 0,
  total: new BigNumber(total),
  commission_total: new BigNumber(commission),
  items: [
    {
      line_item_id: `li_${vendor_id}`,
      product_id: "prod_1",
      variant_id: "var_1",
      title: "Lamp",
      variant_title: null,
      sku: null,
      thumbnail: null,
      quantity: 1,
      unit_price: total,
      subtotal: total,
      discount_total: 0,
      tax_total: 0,
      total,
    },
  ],
  shipping_methods: [],
})

const line = (vendor_id: string, amount: string) => ({
  vendor_id,
  line_type: "item" as const,
  reference_id: `li_${vendor_id}`,
  rule_id: "rule_1",
  rule_name: "10%",
  rate_type: "percentage",
  rate_value: 10,
  currency_code: "eur",
  quantity: 1,
  base_amount: new BigNumber(amount),
  amount: new BigNumber(amount),
})

describe("buildSplitRows", () => {
  it("writes BigNumber columns exactly, as Medusa's numeric + raw jsonb pair", () => {
    expect(bigNumberColumns("total", "120.28785464902609")).toEqual({
      total: "120.28785464902609",
      raw_total: JSON.stringify({ value: "120.28785464902609", precision: 20 }),
    })
    expect(bigNumberColumns("total", new BigNumber("1.50"))).toEqual({
      total: "1.5",
      raw_total: JSON.stringify({ value: "1.5", precision: 20 }),
    })
    expect(bigNumberColumns("rate_value", null, true)).toEqual({ rate_value: null, raw_rate_value: null })
  })

  it("rows only for the vendors still missing; the cent allocation counts every vendor of the order", () => {
    // 0.005 + 0.005 = 0.01: the order's cent goes to one vendor only, whichever is written.
    const splits = [part("ven_a", "10.005", "1"), part("ven_b", "20.005", "2")]
    const rows = buildSplitRows({
      order_id: "order_1",
      splits: splits as any,
      missing: new Set(["ven_b"]),
      display_ids: new Map([["ven_b", 7]]),
      lines: [line("ven_a", "1"), line("ven_b", "2")],
    })
    const table = (name: string) => rows.tables.find((t) => t.table === name)!.rows as any[]
    expect(rows.created).toEqual([{ id: expect.stringMatching(/^vord_/), vendor_id: "ven_b" }])
    const voId = rows.created[0].id
    expect(table("vendor_order")).toEqual([
      expect.objectContaining({
        id: voId,
        display_id: 7,
        order_id: "order_1",
        vendor_id: "ven_b",
        status: "pending",
        total: "20.005",
        commission_total: "2",
        refunded_total: "0",
      }),
    ])
    expect(table("vendor_order_item").map((i) => [i.vendor_order_id, i.line_item_id, i.total])).toEqual([[voId, "li_ven_b", "20.005"]])
    expect(table("vendor_order_shipping_method")).toEqual([])
    expect(table("vendor_order_status_change").map((h) => [h.vendor_order_id, h.from_status, h.to_status, h.actor_type])).toEqual([
      [voId, null, "pending", "system"],
    ])
    expect(table("commission_line").map((l) => [l.vendor_order_id, l.amount, l.rate_value])).toEqual([[voId, "2", "10"]])
    // Sales: 10.005 + 20.005 = 30.01; floors 10.00 + 20.00, the one cent left goes to the first (equal remainders).
    expect(table("vendor_transaction").map((t) => [t.type, t.amount, t.idempotency_key])).toEqual([
      ["sale", "20", `sale:${voId}`],
      ["commission", "-2", `commission:${voId}`],
    ])
  })

  it("takes the columns from the model: defaults and nulls filled, a required column or an unknown one throws", () => {
    const row = modelRow(VendorOrder, {
      display_id: 1,
      order_id: "order_1",
      vendor_id: "ven_a",
      currency_code: "eur",
      ...Object.fromEntries(["subtotal", "item_total", "shipping_total", "discount_total", "tax_total", "total"].map((k) => [k, "1.5"])),
    })
    expect(row).toMatchObject({
      id: expect.stringMatching(/^vord_/),
      status: "pending",
      commission_total: "0",
      raw_refunded_total: JSON.stringify({ value: "0", precision: 20 }),
      customer_id: null,
      metadata: null,
      accepted_at: null,
    })
    // Every stored column of the model is in the row (timestamps come from the column defaults).
    const stored = Object.entries((VendorOrder as any).schema)
      .filter(
        ([k, p]: [string, any]) =>
          !["created_at", "updated_at", "deleted_at"].includes(k) &&
          (p.type === "belongsTo" || (typeof p.type !== "string" && !p.parse(k).computed))
      )
      .map(([k, p]: [string, any]) => (p.type === "belongsTo" ? `${k}_id` : k))
    expect(Object.keys(row).sort()).toEqual(stored.sort())
    expect(() => modelRow(VendorOrder, { order_id: "order_1", vendor_id: "ven_a", currency_code: "eur" })).toThrow(
      "vendor_order.display_id has no value"
    )
    expect(() => modelRow(VendorOrderStatusChange, { to_status: "pending", actor_type: "system" })).toThrow(
      "vendor_order_status_change.vendor_order_id has no value"
    )
    expect(() =>
      modelRow(VendorOrderStatusChange, { vendor_order_id: "vord_1", to_status: "pending", actor_type: "system", actor: "x" })
    ).toThrow("has no column actor")
  })
})
