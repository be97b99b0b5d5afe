import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart, registerCustomer } from "../helpers/store"
import { capturedOrder } from "../helpers/vendor-order-flow"
import { injectFault } from "../helpers/db-fault"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { splitOrderByVendorWorkflow } from "../../src/workflows/vendor-order/workflows/split-order-by-vendor"
import { composeVendorSplit } from "../../src/workflows/vendor-order/utils/compose-split"
import { noThrow } from "../helpers/poll"

jest.setTimeout(240_000)

/** Fault injection: the split's real steps, then a step that always fails. */
const failAfterSplitStep = createStep("test-fail-after-split", async () => {
  throw new Error("injected: a step after the split failed")
})
const splitThenFailWorkflow = createWorkflow("test-split-then-fail", (input: { order_id: string }) => {
  const { created } = composeVendorSplit(input as any) // WorkflowData typing of a plain input object
  failAfterSplitStep()
  return new WorkflowResponse(created)
})

const cents = (amount: number | string) => Math.round(Number(amount) * 100)

/**
 * Failure injection for the vendor split (decision 48). Every table the split
 * writes gets, in turn, a real PostgreSQL trigger that raises on the write;
 * a real Store API checkout (pp_system_default) then fails there. Nothing of
 * our code is mocked. After each fault: Medusa's error answer, no vendor
 * order, commission line or ledger row for the cart, and Medusa's own
 * compensation of the completion (no live order, the cart not completed).
 * Then the trigger is dropped and the same complete is sent again: it
 * succeeds, split once, to the cent, with the ledger invariants.
 */
liliumIntegrationTestRunner({
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, dbConnection, getContainer }) => {
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!
    const variant = (handle: string) => catalog().products.find((p) => p.handle === handle)!.variant_id
    const vendorId = (handle: string) => catalog().vendors.find((v) => v.handle === handle)!.id
    const LUMEN = "lumen-office-lighting"
    const PAPYRUS = "papyrus-supplies"

    /** Live rows of what a checkout writes, and every ledger row (the ledger never deletes). */
    async function counts() {
      const live = [
        "order",
        "order_cart",
        "vendor_order",
        "vendor_order_item",
        "vendor_order_shipping_method",
        "vendor_order_status_change",
        "commission_line",
        "reservation_item",
      ]
      const { rows } = await dbConnection.raw(
        [
          ...live.map((t) => `select '${t}' as t, count(*)::int as n from "${t}" where deleted_at is null`),
          `select 'vendor_transaction (all)' as t, count(*)::int as n from vendor_transaction`,
          `select 'vendor.order_sequence' as t, sum(order_sequence)::int as n from vendor`,
        ].join(" union all ")
      )
      return Object.fromEntries(rows.map((r: any) => [r.t, r.n]))
    }

    async function globalRule(value: number) {
      const { data } = await api.post(
        "/admin/commission-rules",
        { name: `Marketplace ${value}%`, rate_type: "percentage", value, scope: { type: "global" } },
        await adminHeaders()
      )
      return data.commission_rule
    }

    /** Lamp 2 × 49.90 + 4.95 (Lumen), paper 3 × 6.45 + 4.95 (Papyrus). */
    const twoVendorCart = (opts: { customerToken?: string; email?: string } = {}) =>
      readyCart(api, storeHeaders(), {
        region_id: eur().id,
        email: opts.email ?? "buyer@faults.example",
        customerToken: opts.customerToken,
        lines: [
          { variant_id: variant("desk-lamp"), quantity: 2 },
          { variant_id: variant("paper-a4-500"), quantity: 3 },
        ],
      })

    /** The split of an order as the database holds it: live vendor orders with their lines, and ledger rows (`live`: of live vendor orders only). */
    async function splitOf(orderId: string, opts: { live?: boolean } = {}) {
      const vos = (
        await dbConnection.raw(
          `select vo.id, v.handle, vo.total, vo.commission_total, vo.display_id,
                  (select count(*)::int from vendor_order_item i where i.vendor_order_id = vo.id and i.deleted_at is null) as items,
                  (select count(*)::int from vendor_order_shipping_method m where m.vendor_order_id = vo.id and m.deleted_at is null) as methods,
                  (select count(*)::int from vendor_order_status_change h where h.vendor_order_id = vo.id and h.deleted_at is null) as history,
                  (select coalesce(sum(c.amount), 0) from commission_line c where c.vendor_order_id = vo.id and c.deleted_at is null) as lines
             from vendor_order vo join vendor v on v.id = vo.vendor_id
            where vo.order_id = ? and vo.deleted_at is null order by v.handle`,
          [orderId]
        )
      ).rows
      const ledger = (
        await dbConnection.raw(
          `select t.vendor_order_id, t.type, t.amount from vendor_transaction t
            where t.order_id = ? ${opts.live ? "and exists (select 1 from vendor_order vo where vo.id = t.vendor_order_id and vo.deleted_at is null)" : ""}
            order by t.vendor_order_id, t.type`,
          [orderId]
        )
      ).rows
      return { vos, ledger }
    }

    /**
     * The ledger invariants for an order's split and its vendors:
     * commission + net = total per vendor order (net from the API), Σ commission
     * lines = commission_total, rows = +sale −commission, and per vendor the
     * database's balance (pending + available) = Σ of its rows.
     */
    async function assertInvariants(orderId: string) {
      const admin = await adminHeaders()
      const { vos, ledger } = await splitOf(orderId, { live: true })
      const { data } = await api.get(`/admin/orders/${orderId}/vendor-orders`, admin)
      for (const vo of vos) {
        const api_vo = data.vendor_orders.find((v: any) => v.id === vo.id)
        expect(cents(api_vo.commission_total) + cents(api_vo.net_total)).toBe(cents(api_vo.total))
        expect(cents(vo.lines)).toBe(cents(vo.commission_total))
        const rows = ledger.filter((l: any) => l.vendor_order_id === vo.id)
        expect(rows.map((r: any) => [r.type, cents(r.amount)])).toEqual([
          ["commission", -cents(vo.commission_total)],
          ["sale", cents(vo.total)],
        ])
      }
      // Σ sales = the order's total, to the cent.
      const { data: order } = await api.get(`/admin/orders/${orderId}?fields=total`, admin)
      expect(ledger.filter((l: any) => l.type === "sale").reduce((a: number, l: any) => a + cents(l.amount), 0)).toBe(
        cents(order.order.total)
      )
      for (const handle of [LUMEN, PAPYRUS]) {
        const { rows } = await dbConnection.raw(`select coalesce(sum(amount), 0) as s from vendor_transaction where vendor_id = ?`, [
          vendorId(handle),
        ])
        const { data: bal } = await api.get(`/admin/vendors/${vendorId(handle)}/balance`, admin)
        const b = bal.balances.find((x: any) => x.currency_code === "eur") ?? { pending: 0, available: 0 }
        expect(cents(b.pending) + cents(b.available)).toBe(cents(rows[0].s))
      }
    }

    /** Every expectation of a complete split of the two-vendor cart, to the cent. */
    async function assertSplitToTheCent(orderId: string) {
      const { vos, ledger } = await splitOf(orderId, { live: true })
      expect(vos.map((v: any) => [v.handle, cents(v.total), cents(v.commission_total), v.items, v.methods, v.history])).toEqual([
        [LUMEN, 10475, 998, 1, 1, 1], // 99.80 + 4.95; 10% of 99.80
        [PAPYRUS, 2430, 194, 1, 1, 1], // 19.35 + 4.95; 10% of 19.35 = 1.935 → 1.94 (half-even)
      ])
      expect(ledger).toHaveLength(4)
      await assertInvariants(orderId)
    }

    const FAULTS: { name: string; table: string; event: "INSERT" | "UPDATE"; when?: string | (() => string) }[] = [
      {
        name: "the vendor's order number (vendor.order_sequence)",
        table: "vendor",
        event: "UPDATE",
        when: "NEW.order_sequence <> OLD.order_sequence",
      },
      { name: "a vendor order", table: "vendor_order", event: "INSERT" },
      { name: "a vendor-order item", table: "vendor_order_item", event: "INSERT" },
      { name: "a vendor-order shipping method", table: "vendor_order_shipping_method", event: "INSERT" },
      { name: "the first status-history row", table: "vendor_order_status_change", event: "INSERT" },
      { name: "a commission line", table: "commission_line", event: "INSERT" },
      // Only Papyrus's row fails: Lumen's rows, written by the same statement, go too.
      {
        name: "Papyrus's commission line only",
        table: "commission_line",
        event: "INSERT",
        when: () => `NEW.vendor_id = '${vendorId(PAPYRUS)}'`,
      },
      { name: "a ledger row (sale)", table: "vendor_transaction", event: "INSERT", when: "NEW.type = 'sale'" },
      { name: "a ledger row (commission)", table: "vendor_transaction", event: "INSERT", when: "NEW.type = 'commission'" },
    ]

    describe("the checkout split is all or nothing", () => {
      it.each(FAULTS)(
        "a failure writing $name: Medusa's error, nothing written; the retried complete splits once, to the cent",
        async (fault) => {
          await globalRule(10)
          const cart = await twoVendorCart()
          const before = await counts()
          const drop = await injectFault(
            dbConnection,
            fault.table,
            fault.event,
            typeof fault.when === "function" ? fault.when() : fault.when
          )
          let res: any
          try {
            res = await api.post(`/store/carts/${cart.id}/complete`, {}, { ...storeHeaders(), ...noThrow })
          } finally {
            await drop()
          }
          // Medusa's error handler's answer for an unexpected error, not a half state.
          expect([res.status, res.data]).toEqual([
            500,
            { code: "unknown_error", type: "unknown_error", message: "An unknown error occurred." },
          ])
          // Nothing of the split, and Medusa compensated its completion: no live order, cart open.
          expect(await counts()).toEqual(before)
          const { rows: cartRow } = await dbConnection.raw(`select completed_at from cart where id = ?`, [cart.id])
          expect(cartRow[0].completed_at).toBeNull()
          const { rows: orphans } = await dbConnection.raw(
            `select (select count(*)::int from vendor_order where order_id in (select order_id from order_cart where cart_id = ?)) as vo,
                  (select count(*)::int from vendor_transaction where order_id in (select order_id from order_cart where cart_id = ?)) as tx`,
            [cart.id, cart.id]
          )
          expect(orphans[0]).toEqual({ vo: 0, tx: 0 })
          // Medusa's compensation canceled the payment it had authorized; the
          // cart's session is renewed, so the retry authorizes afresh.
          const { rows: sessions } = await dbConnection.raw(
            `select s.status, s.provider_id, (select count(*)::int from payment p where p.payment_session_id = s.id) as payments
             from payment_session s where s.payment_collection_id = ? and s.deleted_at is null`,
            [cart.payment_collection.id]
          )
          expect(sessions).toEqual([{ status: "pending", provider_id: "pp_system_default", payments: 0 }])

          // The same complete again, now that the database accepts the rows.
          const ok = await api.post(`/store/carts/${cart.id}/complete`, {}, { ...storeHeaders(), ...noThrow })
          expect([ok.status, ok.data.type]).toEqual([200, "order"])
          expect(cents(ok.data.order.total)).toBe(12905)
          // The order is paid: Lilium's order.placed subscriber captures the new payment, in full.
          const paid = await capturedOrder(api, await adminHeaders(), ok.data.order.id, {
            fields: "*payment_collections.payments.captures",
            tries: 100,
          })
          expect(paid.payment_status).toBe("captured")
          expect(
            paid.payment_collections.flatMap((c: any) => c.payments.flatMap((p: any) => p.captures.map((x: any) => cents(x.amount))))
          ).toEqual([12905])
          await assertSplitToTheCent(ok.data.order.id)
          const after = await counts()
          expect([
            after.order - before.order,
            after.vendor_order - before.vendor_order,
            after["vendor_transaction (all)"] - before["vendor_transaction (all)"],
          ]).toEqual([1, 2, 4])
          // A third complete answers the same order and writes nothing.
          const again = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders())
          expect(again.data.order.id).toBe(ok.data.order.id)
          expect(await counts()).toEqual(after)
        }
      )
    })

    describe("a split that fails after its rows are written (orders from other paths)", () => {
      it("the write is compensated: vendor orders and commission lines removed, the ledger reversed to 0; a re-run splits once, to the cent", async () => {
        await globalRule(10)
        const customer = await registerCustomer(api, storeHeaders(), "faults@example.com")
        const cart = await twoVendorCart({ customerToken: customer.token, email: customer.email })
        const { rows: linkTables } = await dbConnection.raw(
          `select table_name from information_schema.tables where table_schema = 'public' and table_name like '%vendor%customer%'`
        )
        expect(linkTables).toHaveLength(1)
        const linkTable = linkTables[0].table_name
        const container = getContainer()
        // An order placed without the storefront route, as the operator's
        // would be: Medusa's createOrderWorkflow (no order.placed, so no
        // subscriber splits it behind the test's back), from the cart's lines.
        const { result: order, errors: createErrors } = await createOrderWorkflow(container).run({
          throwOnError: false,
          input: {
            region_id: cart.region_id,
            sales_channel_id: cart.sales_channel_id,
            email: customer.email,
            shipping_address: {
              first_name: "F",
              last_name: "B",
              address_1: "Street 1",
              city: "Berlin",
              postal_code: "10115",
              country_code: "de",
            },
            items: cart.items.map((i: any) => ({ variant_id: i.variant_id, quantity: i.quantity })),
            shipping_methods: cart.shipping_methods.map((m: any) => ({
              name: m.name ?? "Standard shipping",
              amount: m.amount,
              shipping_option_id: m.shipping_option_id,
            })),
          } as any,
        })
        // Messages only: the workflow's errors carry circular ORM objects.
        expect(createErrors.map((e: any) => e.error?.message)).toEqual([])
        const orderId: string = order.id
        expect(cents(order.total.toString())).toBe(cents(129.05)) // 2 × 49.90 + 3 × 6.45 + 2 × 4.95
        // The split's real steps, then a step that fails: the failure lands
        // after the split's transaction committed, so only its compensation
        // can take it back.
        const { errors } = await splitThenFailWorkflow(container).run({ input: { order_id: orderId }, throwOnError: false })
        expect(errors.map((e: any) => e.error?.message)).toEqual(["injected: a step after the split failed"])
        // Nothing live of the split; the ledger rows it posted are reversed, each vendor order's rows sum to 0.
        const { vos, ledger } = await splitOf(orderId!)
        expect(vos).toEqual([])
        const { rows: lines } = await dbConnection.raw(
          `select count(*)::int as n from commission_line where order_id = ? and deleted_at is null`,
          [orderId!]
        )
        expect(lines[0].n).toBe(0)
        const byVo = new Map<string, number>()
        for (const l of ledger) byVo.set(l.vendor_order_id, (byVo.get(l.vendor_order_id) ?? 0) + cents(l.amount))
        expect(ledger).toHaveLength(8) // 2 vendors × (sale + commission), each posted and reversed
        expect([...byVo.values()].every((s) => s === 0)).toBe(true)
        expect(
          ledger
            .filter((l: any) => l.type === "refund")
            .map((l: any) => cents(l.amount))
            .sort((a: number, b: number) => a - b)
        ).toEqual(
          ledger
            .filter((l: any) => l.type === "sale")
            .map((l: any) => -cents(l.amount))
            .sort((a: number, b: number) => a - b)
        )
        for (const handle of [LUMEN, PAPYRUS]) {
          const { data: bal } = await api.get(`/admin/vendors/${vendorId(handle)}/balance`, await adminHeaders())
          const b = bal.balances.find((x: any) => x.currency_code === "eur") ?? { pending: 0, available: 0 }
          expect([cents(b.pending), cents(b.available)]).toEqual([0, 0])
        }

        // The split again (the real workflow): complete, to the cent, with the buyer linked to both vendors.
        const { result } = await splitOrderByVendorWorkflow(container).run({ input: { order_id: orderId! } })
        expect(result.vendor_order_ids).toHaveLength(2)
        await assertSplitToTheCent(orderId!)
        const { rows: links } = await dbConnection.raw(`select count(*)::int as n from "${linkTable}" where deleted_at is null`)
        expect(links[0].n).toBe(2)
        // Idempotent: once more, nothing new.
        const { result: again } = await splitOrderByVendorWorkflow(container).run({ input: { order_id: orderId! } })
        expect(again.vendor_order_ids).toEqual([])
      }, 400_000)
    })
  },
})
