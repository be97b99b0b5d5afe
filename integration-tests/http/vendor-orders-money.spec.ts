import { Modules } from "@medusajs/framework/utils"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart } from "../helpers/store"
import { demoVendorLogin } from "../helpers/vendor"
import { diffSnapshots, snapshotDb } from "../helpers/db-snapshot"
import { completeMarketplaceCartWorkflow } from "../../src/workflows/vendor-order/workflows/complete-marketplace-cart"
import { waitFor, noThrow } from "../helpers/poll"
import { vendorOrdersByHandle } from "../helpers/vendor-order-flow"

/**
 * Issue 14, items 1–3: one refund gate, atomic transitions, reject/cancel
 * before the payment is captured. The file name matches the Redis pass of
 * .ci/run ("vendor-orders"), so every case here also runs with REDIS_URL
 * (Redis event bus, workflow engine and locking).
 */
// Boot (migrations, Redis modules) and the races below take minutes on a
// busy 2-core CI machine; the runner's 120 s default was seen to run out.
jest.setTimeout(300_000)

const cents = (amount: number | string) => Math.round(Number(amount) * 100)

liliumIntegrationTestRunner({
  env: { MARKETPLACE_PAYOUT_HOLD_DAYS: "0" },
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, getContainer, dbConnection }) => {
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!
    const variant = (handle: string) => catalog().products.find((p) => p.handle === handle)!.variant_id
    const login = demoVendorLogin(api, catalog)
    const cart = (lines: { handle: string; quantity: number }[]) =>
      readyCart(api, storeHeaders(), {
        region_id: eur().id,
        email: "buyer@money.example",
        lines: lines.map((l) => ({ variant_id: variant(l.handle), quantity: l.quantity })),
      })
    const splitOf = async (orderId: string) => {
      return await vendorOrdersByHandle(api, await adminHeaders(), orderId)
    }
    /** The order's one payment, straight from the database: authorized, captured, refunded, in cents. */
    const paymentOf = async (orderId: string) => {
      const { rows } = await dbConnection.raw(
        `select p.id, p.amount, p.canceled_at,
                (select coalesce(sum(c.amount), 0) from capture c where c.payment_id = p.id and c.deleted_at is null) as captured,
                (select coalesce(sum(r.amount), 0) from refund r where r.payment_id = p.id and r.deleted_at is null) as refunded,
                (select count(*) from refund r where r.payment_id = p.id and r.deleted_at is null) as refund_count,
                (select count(*) from capture c where c.payment_id = p.id and c.deleted_at is null) as capture_count
           from order_payment_collection opc
           join payment p on p.payment_collection_id = opc.payment_collection_id and p.deleted_at is null
          where opc.order_id = ? and opc.deleted_at is null`,
        [orderId]
      )
      return rows.map((r: any) => ({
        id: r.id,
        amount: cents(r.amount),
        canceled: !!r.canceled_at,
        captured: cents(r.captured),
        refunded: cents(r.refunded),
        refund_count: Number(r.refund_count),
        capture_count: Number(r.capture_count),
      }))
    }
    const capturedPayment = (orderId: string) =>
      waitFor(
        () => paymentOf(orderId),
        (p) => p.length === 1 && p[0].captured === p[0].amount
      )
    /** Ledger rows of a vendor order, by type, in cents. */
    const ledgerOf = async (voId: string) => {
      const { rows } = await dbConnection.raw(
        `select type, amount from vendor_transaction where vendor_order_id = ? order by created_at, id`,
        [voId]
      )
      return rows.map((r: any) => [r.type, cents(r.amount)] as [string, number])
    }
    const refundedTotal = async (voId: string) => {
      const { rows } = await dbConnection.raw(`select refunded_total, raw_refunded_total->>'value' as raw from vendor_order where id = ?`, [
        voId,
      ])
      return { cents: cents(rows[0].refunded_total), raw: rows[0].raw as string }
    }

    /**
     * A snapshot once the subscribers of earlier steps (sales facts, on the
     * worker's schedule with Redis) have stopped writing: two snapshots
     * 700 ms apart that agree. Then a refused request must change nothing.
     */
    async function settledSnapshot() {
      let last = await snapshotDb(dbConnection)
      for (let i = 0; i < 30; i++) {
        await new Promise((r) => setTimeout(r, 700))
        const now = await snapshotDb(dbConnection)
        if (diffSnapshots(last, now).length === 0) return now
        last = now
      }
      return last
    }

    /** A real Store API checkout, with the payment captured by the order.placed subscriber. */
    async function placeOrder(lines: { handle: string; quantity: number }[]) {
      const c = await cart(lines)
      const { data } = await api.post(`/store/carts/${c.id}/complete`, {}, storeHeaders())
      await capturedPayment(data.order.id)
      return { order: data.order, vo: await splitOf(data.order.id) }
    }

    /**
     * Completes a cart with the marketplace workflow but holds its events
     * (order.placed among them) in an event group that is not released: the
     * shape of the Redis deployment right after placement, when the worker
     * has not captured the payment yet. `release` delivers them.
     */
    async function placeOrderBeforeCapture(lines: { handle: string; quantity: number }[]) {
      const c = await cart(lines)
      const eventGroupId = `before-capture-${c.id}`
      const { result: order } = await completeMarketplaceCartWorkflow(getContainer()).run({
        input: { id: c.id },
        context: { eventGroupId, preventReleaseEvents: true } as any,
      })
      const release = () => getContainer().resolve<any>(Modules.EVENT_BUS).releaseGroupedEvents(eventGroupId)
      return { order, vo: await splitOf(order.id), release }
    }

    /** Lumen's two lamps (2 × 49.90 + 4.95 shipping = 104.75) with paper from Papyrus, delivered. */
    async function deliveredLamps() {
      const { order, vo } = await placeOrder([
        { handle: "desk-lamp", quantity: 2 },
        { handle: "paper-a4-500", quantity: 1 },
      ])
      const lumen = await login("lumen-office-lighting")
      const lamp = vo["lumen-office-lighting"]
      const url = `/vendor/orders/${lamp.id}`
      await api.post(`${url}/accept`, {}, lumen)
      const f = (await api.post(`${url}/fulfillments`, {}, lumen)).data.vendor_order.fulfillments[0].id
      await api.post(`${url}/fulfillments/${f}/shipments`, {}, lumen)
      const delivered = (await api.post(`${url}/fulfillments/${f}/mark-as-delivered`, {}, lumen)).data.vendor_order
      expect([delivered.status, cents(delivered.total)]).toEqual(["delivered", 10475])
      return { order, vo, lamp, lumen, url }
    }

    describe("one refund gate", () => {
      it("a return after a full operator refund brings the goods back but refunds nothing more; any further refund is 400 with nothing written", async () => {
        const { order, lamp, lumen, url } = await deliveredLamps()
        const admin = await adminHeaders()
        const full = await api.post(
          `/admin/vendor-orders/${lamp.id}/refunds`,
          { amount: 104.75, note: "Goodwill" },
          { ...admin, ...noThrow }
        )
        expect(full.status).toBe(200)
        expect(cents(full.data.vendor_order.refunded_total)).toBe(10475)

        const ret = await api.post(
          `${url}/returns`,
          { items: [{ id: lamp.items[0].id, quantity: 2 }], note: "Both lamps" },
          { ...lumen, ...noThrow }
        )
        expect(ret.status).toBe(200)
        expect(cents(ret.data.vendor_order.refunded_total)).toBe(10475) // not 204.55
        const { data } = await api.get(`/admin/orders/${order.id}?fields=*items,*items.detail,*returns`, admin)
        expect(data.order.items.find((i: any) => i.id === lamp.items[0].id).detail.return_received_quantity).toBe(2)
        expect(data.order.returns.map((r: any) => cents(r.refund_amount ?? 0))).toEqual([0])
        const [payment] = await paymentOf(order.id)
        expect([payment.refunded, payment.refund_count]).toEqual([10475, 1])
        const rows = await ledgerOf(lamp.id)
        expect(rows.filter(([t]) => t === "refund")).toEqual([["refund", -10475]])
        expect(rows.reduce((s, [, a]) => s + a, 0)).toBe(0)

        // Nothing is left: a cent more is refused, and nothing is written.
        const before = await settledSnapshot()
        const more = await api.post(`/admin/vendor-orders/${lamp.id}/refunds`, { amount: 0.01, note: "More" }, { ...admin, ...noThrow })
        expect([more.status, more.data.message]).toEqual([400, "Cannot refund 0.01: only 0 of this vendor order is left to refund."])
        expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])
      })

      it("a return first, then the operator can refund only what is left (shipping), to the cent", async () => {
        const { order, lamp, url, lumen } = await deliveredLamps()
        const admin = await adminHeaders()
        await api.post(`${url}/returns`, { items: [{ id: lamp.items[0].id, quantity: 2 }] }, lumen)
        expect((await refundedTotal(lamp.id)).cents).toBe(9980)
        const before = await settledSnapshot()
        const over = await api.post(`/admin/vendor-orders/${lamp.id}/refunds`, { amount: 104.75, note: "All" }, { ...admin, ...noThrow })
        expect([over.status, over.data.message]).toEqual([400, "Cannot refund 104.75: only 4.95 of this vendor order is left to refund."])
        expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])
        const rest = await api.post(`/admin/vendor-orders/${lamp.id}/refunds`, { amount: 4.95, note: "Shipping" }, admin)
        expect(cents(rest.data.vendor_order.refunded_total)).toBe(10475)
        const [payment] = await paymentOf(order.id)
        expect([payment.refunded, payment.refund_count]).toEqual([10475, 2])
        expect((await ledgerOf(lamp.id)).reduce((s, [, a]) => s + a, 0)).toBe(0)
      })

      it("5 concurrent full refunds of one vendor order: exactly one passes; refunded_total and the payment's refunds equal the total to the cent", async () => {
        const { order, vo } = await placeOrder([
          { handle: "desk-lamp", quantity: 2 },
          { handle: "paper-a4-500", quantity: 3 },
        ])
        const lamp = vo["lumen-office-lighting"]
        const admin = await adminHeaders()
        const results = await Promise.all(
          Array.from({ length: 5 }, (_, i) =>
            api.post(`/admin/vendor-orders/${lamp.id}/refunds`, { amount: Number(lamp.total), note: `Race ${i}` }, { ...admin, ...noThrow })
          )
        )
        expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400, 400, 400])
        for (const r of results.filter((r) => r.status === 400)) {
          expect(r.data.message).toBe(`Cannot refund ${Number(lamp.total)}: only 0 of this vendor order is left to refund.`)
        }
        const refunded = await refundedTotal(lamp.id)
        expect(refunded.cents).toBe(cents(lamp.total))
        expect(refunded.raw).toBe(String(Number(lamp.total)))
        const [payment] = await paymentOf(order.id)
        expect([payment.refunded, payment.refund_count]).toEqual([cents(lamp.total), 1])
        const rows = await ledgerOf(lamp.id)
        expect(rows.filter(([t]) => t === "refund")).toEqual([["refund", -cents(lamp.total)]])
        expect(rows.reduce((s, [, a]) => s + a, 0)).toBe(0)
        // Papyrus's part is untouched.
        expect((await refundedTotal(vo["papyrus-supplies"].id)).cents).toBe(0)
      })

      it("concurrent partial refunds that together exceed the total: the ones that fit pass, in any order, and never more than the total", async () => {
        const { order, vo } = await placeOrder([
          { handle: "desk-lamp", quantity: 2 },
          { handle: "paper-a4-500", quantity: 1 },
        ])
        const lamp = vo["lumen-office-lighting"] // 104.75
        const admin = await adminHeaders()
        const results = await Promise.all(
          [40, 40, 40, 40].map((amount, i) =>
            api.post(`/admin/vendor-orders/${lamp.id}/refunds`, { amount, note: `Part ${i}` }, { ...admin, ...noThrow })
          )
        )
        expect(results.map((r) => r.status).sort()).toEqual([200, 200, 400, 400])
        expect((await refundedTotal(lamp.id)).cents).toBe(8000)
        const [payment] = await paymentOf(order.id)
        expect([payment.refunded, payment.refund_count]).toEqual([8000, 2])
        expect((await ledgerOf(lamp.id)).filter(([t]) => t === "refund")).toEqual([
          ["refund", -4000],
          ["refund", -4000],
        ])
      })

      it("a vendor order refunded in full by the operator, then rejected: the rejection refunds 0 more", async () => {
        const { order, vo } = await placeOrder([
          { handle: "desk-lamp", quantity: 1 },
          { handle: "paper-a4-500", quantity: 2 },
        ])
        const paper = vo["papyrus-supplies"]
        const admin = await adminHeaders()
        await api.post(`/admin/vendor-orders/${paper.id}/refunds`, { amount: Number(paper.total), note: "All of it" }, admin)
        const papyrus = await login("papyrus-supplies")
        const rejected = await api.post(`/vendor/orders/${paper.id}/reject`, { reason: "Out of stock" }, { ...papyrus, ...noThrow })
        expect(rejected.status).toBe(200)
        expect(rejected.data.vendor_order.status).toBe("rejected")
        expect(cents(rejected.data.vendor_order.refunded_total)).toBe(cents(paper.total))
        const [payment] = await paymentOf(order.id)
        expect([payment.refunded, payment.refund_count]).toEqual([cents(paper.total), 1])
        const rows = await ledgerOf(paper.id)
        expect(rows.filter(([t]) => t === "refund")).toHaveLength(1)
        expect(rows.reduce((s, [, a]) => s + a, 0)).toBe(0)
      })
    })

    describe("atomic transitions", () => {
      it("ten concurrent rejects: one 200 and nine 409, one history row, one refund of the vendor's share, ledger refund rows once", async () => {
        const { order, vo } = await placeOrder([
          { handle: "desk-lamp", quantity: 2 },
          { handle: "paper-a4-500", quantity: 3 },
        ])
        const paper = vo["papyrus-supplies"]
        const papyrus = await login("papyrus-supplies")
        const results = await Promise.all(
          Array.from({ length: 10 }, () =>
            api.post(`/vendor/orders/${paper.id}/reject`, { reason: "Out of stock" }, { ...papyrus, ...noThrow })
          )
        )
        expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409])
        for (const r of results.filter((r) => r.status === 409)) {
          expect(r.data.message).toBe("Cannot reject a vendor order that is rejected.")
        }
        const { rows: history } = await dbConnection.raw(
          `select from_status, to_status from vendor_order_status_change where vendor_order_id = ? order by created_at`,
          [paper.id]
        )
        expect(history.map((h: any) => [h.from_status, h.to_status])).toEqual([
          [null, "pending"],
          ["pending", "rejected"],
        ])
        const [payment] = await paymentOf(order.id)
        expect([payment.refunded, payment.refund_count]).toEqual([cents(paper.total), 1])
        expect((await refundedTotal(paper.id)).cents).toBe(cents(paper.total))
        const rows = await ledgerOf(paper.id)
        expect(rows.filter(([t]) => t === "refund")).toEqual([["refund", -cents(paper.total)]])
        expect(rows.filter(([t]) => t === "commission_reversal").length).toBeLessThanOrEqual(1)
        expect(rows.reduce((s, [, a]) => s + a, 0)).toBe(0)
      })

      it("accept racing reject: exactly one decision wins, and the loser changes nothing", async () => {
        const { order, vo } = await placeOrder([
          { handle: "desk-lamp", quantity: 1 },
          { handle: "paper-a4-500", quantity: 1 },
        ])
        const lamp = vo["lumen-office-lighting"]
        const lumen = await login("lumen-office-lighting")
        const [accept, reject, accept2] = await Promise.all([
          api.post(`/vendor/orders/${lamp.id}/accept`, {}, { ...lumen, ...noThrow }),
          api.post(`/vendor/orders/${lamp.id}/reject`, { reason: "No" }, { ...lumen, ...noThrow }),
          api.post(`/vendor/orders/${lamp.id}/accept`, {}, { ...lumen, ...noThrow }),
        ])
        const statuses = [accept.status, reject.status, accept2.status]
        expect(statuses.filter((s) => s === 200)).toHaveLength(1)
        expect(statuses.filter((s) => s === 409)).toHaveLength(2)
        const { rows: history } = await dbConnection.raw(
          `select to_status from vendor_order_status_change where vendor_order_id = ? order by created_at`,
          [lamp.id]
        )
        expect(history).toHaveLength(2)
        const [payment] = await paymentOf(order.id)
        if (reject.status === 200) {
          expect(history[1].to_status).toBe("rejected")
          expect([payment.refunded, payment.refund_count]).toEqual([cents(lamp.total), 1])
        } else {
          expect(history[1].to_status).toBe("accepted")
          expect([payment.refunded, payment.refund_count]).toEqual([0, 0])
        }
      })

      it("concurrent deliveries of the last fulfillment: one 200, three 409, one delivered transition (Medusa's delivered quantity stays right)", async () => {
        const { vo } = await placeOrder([
          { handle: "desk-lamp", quantity: 1 },
          { handle: "paper-a4-500", quantity: 1 },
        ])
        const lamp = vo["lumen-office-lighting"]
        const lumen = await login("lumen-office-lighting")
        const url = `/vendor/orders/${lamp.id}`
        await api.post(`${url}/accept`, {}, lumen)
        const f = (await api.post(`${url}/fulfillments`, {}, lumen)).data.vendor_order.fulfillments[0].id
        await api.post(`${url}/fulfillments/${f}/shipments`, {}, lumen)
        const results = await Promise.all(
          Array.from({ length: 4 }, () => api.post(`${url}/fulfillments/${f}/mark-as-delivered`, {}, { ...lumen, ...noThrow }))
        )
        // Under the order's lock the first delivers, the others find it delivered.
        expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409])
        expect(results.filter((r) => r.status === 409).every((r) => r.data.message === "The fulfillment is already delivered.")).toBe(true)
        const { rows: history } = await dbConnection.raw(
          `select to_status from vendor_order_status_change where vendor_order_id = ? and to_status = 'delivered'`,
          [lamp.id]
        )
        expect(history).toHaveLength(1)
        expect((await api.get(url, lumen)).data.vendor_order.status).toBe("delivered")
      })

      it("payouts: ten concurrent mark-paid give one 200 and nine 409; mark-paid racing mark-failed leaves one outcome and at most one reversal", async () => {
        const admin = await adminHeaders()
        const { vo } = await placeOrder([
          { handle: "desk-lamp", quantity: 1 },
          { handle: "oak-office-chair", quantity: 1 },
        ])
        for (const handle of ["lumen-office-lighting", "oakline-furniture"]) {
          const headers = await login(handle)
          await api.post(
            "/vendor/payout-account",
            { provider: "manual", details: { account_holder: "Vendor GmbH", iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX" } },
            headers
          )
          const id = vo[handle].id
          await api.post(`/vendor/orders/${id}/accept`, {}, headers)
          const f = (await api.post(`/vendor/orders/${id}/fulfillments`, {}, headers)).data.vendor_order.fulfillments[0].id
          await api.post(`/vendor/orders/${id}/fulfillments/${f}/shipments`, {}, headers)
          await api.post(`/vendor/orders/${id}/fulfillments/${f}/mark-as-delivered`, {}, headers)
        }
        await api.post("/admin/payout-runs", {}, admin)
        const { data } = await api.get("/admin/payouts?limit=10", admin)
        const byVendor = Object.fromEntries(data.payouts.map((p: any) => [p.vendor_id, p]))
        const lumenPayout = byVendor[vo["lumen-office-lighting"].vendor.id]
        const oakPayout = byVendor[vo["oakline-furniture"].vendor.id]
        expect(lumenPayout && oakPayout).toBeTruthy()

        const paid = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            api.post(`/admin/payouts/${lumenPayout.id}/mark-paid`, { reference: `SEPA-${i}` }, { ...admin, ...noThrow })
          )
        )
        expect(paid.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409])
        const { rows: lp } = await dbConnection.raw(`select status, reference from payout where id = ?`, [lumenPayout.id])
        expect(lp[0].status).toBe("paid")
        expect(lp[0].reference).toBe(paid.find((r) => r.status === 200)!.data.payout.reference)

        const race = await Promise.all([
          api.post(`/admin/payouts/${oakPayout.id}/mark-paid`, { reference: "SEPA-OAK" }, { ...admin, ...noThrow }),
          api.post(`/admin/payouts/${oakPayout.id}/mark-failed`, { reason: "Bank refused" }, { ...admin, ...noThrow }),
          api.post(`/admin/payouts/${oakPayout.id}/mark-failed`, { reason: "Bank refused" }, { ...admin, ...noThrow }),
        ])
        expect(race.map((r) => r.status).filter((s) => s === 200)).toHaveLength(1)
        const { rows: op } = await dbConnection.raw(`select status from payout where id = ?`, [oakPayout.id])
        const { rows: reversals } = await dbConnection.raw(
          `select amount from vendor_transaction where payout_id = ? and type = 'payout_reversal'`,
          [oakPayout.id]
        )
        expect(reversals).toHaveLength(op[0].status === "failed" ? 1 : 0)
        if (op[0].status === "failed") expect(cents(reversals[0].amount)).toBe(cents(oakPayout.amount))
      })
    })

    describe("reject and cancel before the payment is captured", () => {
      it("a vendor rejects before the order.placed capture has run: the payment is captured and exactly its share refunded; the late capture is a no-op", async () => {
        const { order, vo, release } = await placeOrderBeforeCapture([
          { handle: "desk-lamp", quantity: 2 },
          { handle: "oak-office-chair", quantity: 1 },
          { handle: "paper-a4-500", quantity: 3 },
        ])
        const [authorized] = await paymentOf(order.id)
        expect([authorized.captured, authorized.capture_count, authorized.canceled]).toEqual([0, 0, false])
        const paper = vo["papyrus-supplies"]
        const papyrus = await login("papyrus-supplies")
        const rejected = await api.post(`/vendor/orders/${paper.id}/reject`, { reason: "Out of stock" }, { ...papyrus, ...noThrow })
        expect([rejected.status, rejected.data.message]).toEqual([200, undefined])
        expect(cents(rejected.data.vendor_order.refunded_total)).toBe(cents(paper.total))

        // The same payment (not canceled, not replaced): captured in full once, its share refunded once.
        const payments = await paymentOf(order.id)
        expect(payments).toHaveLength(1)
        expect(payments[0]).toMatchObject({
          id: authorized.id,
          canceled: false,
          captured: authorized.amount,
          capture_count: 1,
          refunded: cents(paper.total),
          refund_count: 1,
        })
        expect((await ledgerOf(paper.id)).reduce((s, [, a]) => s + a, 0)).toBe(0)

        // Lumen cancels too, still before the subscriber ran.
        const lumen = await login("lumen-office-lighting")
        const lamp = vo["lumen-office-lighting"]
        await api.post(`/vendor/orders/${lamp.id}/accept`, {}, lumen)
        const canceled = await api.post(`/vendor/orders/${lamp.id}/cancel`, { reason: "Discontinued" }, { ...lumen, ...noThrow })
        expect(canceled.status).toBe(200)
        expect(cents(canceled.data.vendor_order.refunded_total)).toBe(cents(lamp.total))

        // Now the held order.placed reaches the capture subscriber: nothing more is captured.
        await release()
        await new Promise((r) => setTimeout(r, 1500))
        const after = await paymentOf(order.id)
        expect(after).toHaveLength(1)
        expect(after[0]).toMatchObject({
          captured: authorized.amount,
          capture_count: 1,
          refunded: cents(paper.total) + cents(lamp.total),
          refund_count: 2,
        })
        const { data } = await api.get(`/admin/orders/${order.id}?fields=total`, await adminHeaders())
        expect(cents(data.order.total)).toBe(cents(vo["oakline-furniture"].total))
      })

      it("an operator refund before the capture captures first, then refunds exactly the amount", async () => {
        const { order, vo, release } = await placeOrderBeforeCapture([
          { handle: "desk-lamp", quantity: 1 },
          { handle: "paper-a4-500", quantity: 1 },
        ])
        const lamp = vo["lumen-office-lighting"]
        const res = await api.post(
          `/admin/vendor-orders/${lamp.id}/refunds`,
          { amount: 10, note: "Early" },
          { ...(await adminHeaders()), ...noThrow }
        )
        expect(res.status).toBe(200)
        await release()
        await new Promise((r) => setTimeout(r, 1000))
        const [payment] = await paymentOf(order.id)
        expect(payment).toMatchObject({ captured: payment.amount, capture_count: 1, refunded: 1000, refund_count: 1, canceled: false })
      })

      it("a reject fired in the same tick as the checkout answers (racing the real capture subscriber) refunds the share once", async () => {
        const c = await cart([
          { handle: "desk-lamp", quantity: 1 },
          { handle: "paper-a4-500", quantity: 2 },
        ])
        const papyrus = await login("papyrus-supplies")
        const { data } = await api.post(`/store/carts/${c.id}/complete`, {}, storeHeaders())
        const paper = (await splitOf(data.order.id))["papyrus-supplies"]
        const rejected = await api.post(`/vendor/orders/${paper.id}/reject`, { reason: "Too fast" }, { ...papyrus, ...noThrow })
        expect(rejected.status).toBe(200)
        const payments = await waitFor(
          () => paymentOf(data.order.id),
          (p) => p[0]?.capture_count === 1
        )
        expect(payments).toHaveLength(1)
        expect(payments[0]).toMatchObject({
          canceled: false,
          captured: payments[0].amount,
          capture_count: 1,
          refunded: cents(rejected.data.vendor_order.total),
          refund_count: 1,
        })
      })
    })
  },
})
