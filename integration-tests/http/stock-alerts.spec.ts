import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { demoVendorLogin } from "../helpers/vendor"
import { completeCart, readyCart, registerCustomer } from "../helpers/store"
import { noThrow, waitFor } from "../helpers/poll"
import { diffSnapshots, snapshotDb } from "../helpers/db-snapshot"
import { capturedOrder, deliverVendorOrder, vendorOrdersByHandle } from "../helpers/vendor-order-flow"
import { FAKE_TWILIO_FROM, useFakeTwilio } from "../helpers/fake-twilio"
import { sendDueStockAlerts } from "../../src/workflows/stock-alert/workflows/send-stock-alerts"
import { STOCK_ALERT_MODULE } from "../../src/modules/stock-alert"
import type StockAlertModuleService from "../../src/modules/stock-alert/service"

// Before the runner: medusa-config.ts picks the SMS provider when it is loaded.
const twilio = useFakeTwilio()

/**
 * Issue 17, item 2: back-in-stock alerts. A customer subscribes to an
 * out-of-stock variant; the vendor's restock (POST /vendor/products/:id/
 * variants/:variant_id/inventory) answers at once, and the inventory event's
 * subscriber sends one `back-in-stock` message per active alert (through
 * sendNotificationsWorkflow, preferences applied) in batches, marking each
 * alert `sent` once. Messages are read from the Notification module's rows
 * (and SMS from the fake Twilio). The job's schedule is set to once a day,
 * 12 hours from now, so it does not run during this file: whatever is sent
 * without a direct sendDueStockAlerts call was sent by the inventory
 * subscriber. (Not a yearly cron: Medusa's in-memory scheduler puts the delay
 * to the next run in a setTimeout, and a delay above 2^31 ms, about 24.8
 * days, fires at once — the job then ran every millisecond.)
 */
type Headers = { headers: Record<string, string> }
const STOREFRONT = "https://shop.lilium.test"
const noJobToday = (() => {
  const at = new Date(Date.now() + 12 * 3600_000)
  return `${at.getMinutes()} ${at.getHours()} * * *`
})()

liliumIntegrationTestRunner({
  env: { STOREFRONT_URL: STOREFRONT, STOCK_ALERTS_BATCH_SIZE: "100", STOCK_ALERTS_SCHEDULE: noJobToday },
  testSuite: ({ api, storeHeaders, adminHeaders, basics, catalog, getContainer, dbConnection }) => {
    const notifications = () =>
      getContainer().resolve(Modules.NOTIFICATION).listNotifications({ template: "back-in-stock" }, { take: 10000 }) as Promise<any[]>
    const alertRows = (variantId: string): Promise<any[]> =>
      dbConnection
        .raw(`select id, customer_id, status, sent_at from stock_alert where variant_id = ? order by created_at`, [variantId])
        .then((r: any) => r.rows as any[])
    const customer = async (email: string) => {
      const { token } = await registerCustomer(api, storeHeaders(), email)
      const headers: Headers = { headers: { ...storeHeaders().headers, authorization: `Bearer ${token}` } }
      const { data } = await api.get("/store/customers/me", headers)
      return { headers, id: data.customer.id as string, email }
    }
    const demo = async (index: number) => {
      const product = catalog().products[index]
      const handle = catalog().vendors.find((v) => v.id === product.vendor_id)!.handle
      const vendor = await demoVendorLogin(api, catalog)(handle)
      const setStock = (stocked_quantity: number) =>
        api.post(`/vendor/products/${product.id}/variants/${product.variant_id}/inventory`, { stocked_quantity }, vendor)
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "product_variant",
          fields: ["id", "title", "product.title", "product.handle"],
          filters: { id: product.variant_id },
        })
      return { product, handle, vendor, setStock, variant: data[0] as any }
    }
    /** The back-in-stock rows as recorded: who, how, which alert, delivered or not. */
    const recorded = async () =>
      (await notifications())
        .map((n) => ({ to: n.to, channel: n.channel, receiver_id: n.receiver_id, idempotency_key: n.idempotency_key, status: n.status }))
        .sort((a, b) => a.to.localeCompare(b.to))
    /**
     * The alert became `sent` and exactly one `back-in-stock` e-mail was recorded for it, without any job run
     * (the inventory event reached the subscriber); a job run afterwards finds nothing left to claim.
     */
    const expectSentOnceBySubscriber = async (variantId: string, alert: { id: string }, buyer: { id: string; email: string }) => {
      const rows = await waitFor(
        () => alertRows(variantId),
        (r) => r.every((a) => a.status === "sent"),
        300
      )
      expect(rows.map((r) => [r.id, r.customer_id, r.status, !!r.sent_at])).toEqual([[alert.id, buyer.id, "sent", true]])
      await waitFor(recorded, (n) => n.length >= 1)
      await new Promise((r) => setTimeout(r, 500))
      expect(await recorded()).toEqual([
        { to: buyer.email, channel: "email", receiver_id: buyer.id, idempotency_key: `back-in-stock-${alert.id}`, status: "success" },
      ])
      expect((await sendDueStockAlerts(getContainer())).claimed).toBe(0)
      expect(await notifications()).toHaveLength(1)
    }
    /** A guest checkout of `quantity` units of the variant (EUR); returns the order and the vendor's vendor order. */
    const checkout = async (variantId: string, handle: string, quantity: number) => {
      const eur = basics().regions.find((r) => r.currency_code === "eur")!
      const cart = await readyCart(api, storeHeaders(), {
        region_id: eur.id,
        email: "restock-buyer@buyer.example",
        lines: [{ variant_id: variantId, quantity }],
      })
      const { order } = await completeCart(api, storeHeaders(), cart.id)
      const admin = await adminHeaders()
      expect((await capturedOrder(api, admin, order.id)).payment_status).toBe("captured")
      return { order, vendorOrder: (await vendorOrdersByHandle(api, admin, order.id))[handle] }
    }
    /** Stocked and reserved units of the variant's inventory item (one location: the vendor's). */
    const stock = async (variantId: string) => {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "product_variant",
          fields: [
            "inventory_items.inventory.location_levels.stocked_quantity",
            "inventory_items.inventory.location_levels.reserved_quantity",
          ],
          filters: { id: variantId },
        })
      const levels = (data[0] as any).inventory_items.flatMap((i: any) => i.inventory.location_levels)
      return levels.map((l: any) => ({ stocked: Number(l.stocked_quantity), reserved: Number(l.reserved_quantity) }))
    }

    it("subscribe, one message per opted-in alert on restock, sent once; 404s and 400s with nothing written", async () => {
      const { product, setStock, variant } = await demo(0)
      await setStock(0)
      const buyer = await customer("alerts@buyer.example")
      const quiet = await customer("alerts-quiet@buyer.example")
      await api.post(
        "/store/customers/me/notification-preferences",
        { preferences: [{ category: "stock_alerts", channel: "email", enabled: false }] },
        quiet.headers
      )

      const first = await api.post("/store/stock-alerts", { variant_id: product.variant_id }, buyer.headers)
      expect(first.data.stock_alert).toMatchObject({ variant_id: product.variant_id, status: "active", channel: "email", sent_at: null })
      // One active alert per customer and variant: the second POST answers the same one.
      const again = await api.post("/store/stock-alerts", { variant_id: product.variant_id }, buyer.headers)
      expect(again.data.stock_alert.id).toBe(first.data.stock_alert.id)
      const quietAlert = (await api.post("/store/stock-alerts", { variant_id: product.variant_id, channel: "email" }, quiet.headers)).data
        .stock_alert
      expect((await alertRows(product.variant_id)).map((r) => r.status)).toEqual(["active", "active"])

      // Refused: 400/404/401 with a message, nothing written.
      const inStock = catalog().products[1].variant_id
      const before = await snapshotDb(dbConnection)
      const bad: [unknown, number, RegExp, Headers][] = [
        [{}, 400, /variant_id/, buyer.headers],
        [{ variant_id: 42 }, 400, /variant_id/, buyer.headers],
        [{ variant_id: product.variant_id, channel: "push" }, 400, /channel/, buyer.headers],
        [{ variant_id: product.variant_id, customer_id: quiet.id }, 400, /customer_id/, buyer.headers],
        // An SMS alert needs a phone number on the account.
        [{ variant_id: product.variant_id, channel: "sms" }, 400, /phone/, quiet.headers],
        [{ variant_id: "variant_does_not_exist" }, 404, /not found/, buyer.headers],
        // Decision: an alert is only for a variant that is out of stock now.
        [{ variant_id: inStock }, 400, /already in stock/, buyer.headers],
        [{ variant_id: product.variant_id }, 401, /Unauthorized/, storeHeaders()],
      ]
      for (const [body, status, message, headers] of bad) {
        const res = await api.post("/store/stock-alerts", body, { ...headers, ...noThrow })
        expect({ body, status: res.status, message: message.test(res.data.message) }).toEqual({ body, status, message: true })
      }
      // Someone else's alert is not there for you.
      const foreign = await api.delete(`/store/stock-alerts/${quietAlert.id}`, { ...buyer.headers, ...noThrow })
      expect(foreign.status).toBe(404)
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])

      const listed = (await api.get("/store/stock-alerts?limit=10", buyer.headers)).data
      expect({ count: listed.count, ids: listed.stock_alerts.map((a: any) => a.id) }).toEqual({
        count: 1,
        ids: [first.data.stock_alert.id],
      })
      expect((await api.get("/store/stock-alerts?limit=1000", { ...buyer.headers, ...noThrow })).status).toBe(400)

      // Restock: the vendor's request answers; the inventory event's subscriber sends.
      const restock = await setStock(5)
      expect(restock.status).toBe(200)
      const rows = await waitFor(
        () => alertRows(product.variant_id),
        (r) => r.every((a) => a.status === "sent")
      )
      expect(rows.map((r) => [r.customer_id, r.status, !!r.sent_at])).toEqual([
        [buyer.id, "sent", true],
        // Opted out of stock-alert e-mail: the alert fired (sent, no message).
        [quiet.id, "sent", true],
      ])
      const sent = await waitFor(notifications, (n) => n.length >= 1)
      expect(sent.map((n) => ({ to: n.to, channel: n.channel, receiver_id: n.receiver_id, data: n.data }))).toEqual([
        {
          to: buyer.email,
          channel: "email",
          receiver_id: buyer.id,
          data: expect.objectContaining({
            variant_id: product.variant_id,
            product_title: variant.product.title,
            variant_title: variant.title,
            product_url: `${STOREFRONT}/products/${variant.product.handle}`,
          }),
        },
      ])

      // A second restock (and a job run) sends nothing more; the list shows the alert as sent.
      await setStock(0)
      await setStock(8)
      const rerun = await sendDueStockAlerts(getContainer())
      expect(rerun.claimed).toBe(0)
      await new Promise((r) => setTimeout(r, 500))
      expect(await notifications()).toHaveLength(1)
      expect((await api.get("/store/stock-alerts", buyer.headers)).data.stock_alerts[0]).toMatchObject({ status: "sent" })

      // Deleting one's own alert removes it from the list; a new alert for an in-stock variant is refused.
      expect((await api.delete(`/store/stock-alerts/${first.data.stock_alert.id}`, buyer.headers)).data).toEqual({
        id: first.data.stock_alert.id,
        object: "stock_alert",
        deleted: true,
      })
      expect((await api.get("/store/stock-alerts", buyer.headers)).data.count).toBe(0)
    })

    it("300 alerts on one variant: the restock answers before the sending, all sent once in batches", async () => {
      const { product, setStock } = await demo(2)
      await setStock(0)
      const customers = await getContainer()
        .resolve(Modules.CUSTOMER)
        .createCustomers(Array.from({ length: 300 }, (_, i) => ({ email: `bulk-alert-${i}@buyer.example`, has_account: true })))
      const salesChannelId = basics().sales_channel_id
      // The subscriptions themselves are tested above; here they are written in one go.
      const alerts: StockAlertModuleService = getContainer().resolve(STOCK_ALERT_MODULE)
      await alerts.createStockAlerts(
        customers.map((c: any) => ({
          customer_id: c.id,
          variant_id: product.variant_id,
          sales_channel_id: salesChannelId,
          channel: "email" as const,
        }))
      )

      const started = Date.now()
      const restock = await setStock(3)
      const restockMs = Date.now() - started
      const atAnswer = (await notifications()).length
      expect(restock.status).toBe(200)
      // The request did not send the alerts: the messages come after its answer.
      expect(atAnswer).toBeLessThan(300)

      // A concurrent job run competes for the same alerts: the compare-and-set lets each go out once.
      const job = sendDueStockAlerts(getContainer())
      const all = await waitFor(notifications, (n) => n.length >= 300, 300)
      const jobResult = await job
      const sentMs = Date.now() - started
      expect(all).toHaveLength(300)
      expect(new Set(all.map((n) => n.to)).size).toBe(300)
      const rows = await alertRows(product.variant_id)
      expect(rows.filter((r) => r.status === "sent")).toHaveLength(300)
      process.stdout.write(
        `stock alerts: restock answered in ${restockMs} ms with ${atAnswer} messages sent; 300 sent after ${sentMs} ms (job run claimed ${jobResult.claimed})\n`
      )
    })

    it("an SMS alert is sent by SMS with SMS off by default (asking was the opt-in); a saved SMS opt-out still wins", async () => {
      const { product, setStock, variant } = await demo(0)
      await setStock(0)
      const withPhone = async (email: string, phone: string) => {
        const c = await customer(email)
        await api.post("/store/customers/me", { phone }, c.headers)
        return { ...c, phone }
      }
      const texter = await withPhone("alerts-sms@buyer.example", "+4915100000001")
      // Saved SMS for stock alerts as off: the explicit choice outranks the request.
      const refuser = await withPhone("alerts-sms-off@buyer.example", "+4915100000002")
      // Turned stock-alert e-mail off: that says nothing about the SMS they asked for.
      const noMail = await withPhone("alerts-sms-nomail@buyer.example", "+4915100000003")
      const prefs = "/store/customers/me/notification-preferences"
      await api.post(prefs, { preferences: [{ category: "stock_alerts", channel: "sms", enabled: false }] }, refuser.headers)
      await api.post(prefs, { preferences: [{ category: "stock_alerts", channel: "email", enabled: false }] }, noMail.headers)
      // The premise: nobody turned stock-alert SMS on.
      const smsPref = async (c: { headers: Headers }) =>
        (await api.get(prefs, c.headers)).data.preferences.find((p: any) => p.category === "stock_alerts" && p.channel === "sms").enabled
      expect([await smsPref(texter), await smsPref(refuser), await smsPref(noMail)]).toEqual([false, false, false])

      const alertOf = async (c: { headers: Headers }) =>
        (await api.post("/store/stock-alerts", { variant_id: product.variant_id, channel: "sms" }, c.headers)).data.stock_alert
      const [a1, a2, a3] = [await alertOf(texter), await alertOf(refuser), await alertOf(noMail)]
      expect([a1.channel, a2.channel, a3.channel]).toEqual(["sms", "sms", "sms"])

      expect((await setStock(4)).status).toBe(200)
      const rows = await waitFor(
        () => alertRows(product.variant_id),
        (r) => r.every((a) => a.status === "sent"),
        300
      )
      expect(rows.map((r) => [r.id, r.status, !!r.sent_at])).toEqual([
        [a1.id, "sent", true],
        [a2.id, "sent", true],
        [a3.id, "sent", true],
      ])
      await waitFor(recorded, (n) => n.length >= 2)
      await new Promise((r) => setTimeout(r, 500))
      // Two SMS, no e-mail, none for the customer who saved SMS as off.
      expect(await recorded()).toEqual([
        { to: texter.phone, channel: "sms", receiver_id: texter.id, idempotency_key: `back-in-stock-${a1.id}`, status: "success" },
        { to: noMail.phone, channel: "sms", receiver_id: noMail.id, idempotency_key: `back-in-stock-${a3.id}`, status: "success" },
      ])
      const name = [variant.product.title, variant.title].filter(Boolean).join(" – ")
      const body = `${name} is back in stock. ${STOREFRONT}/products/${variant.product.handle}`
      expect(twilio.sent.map((m) => ({ to: m.to, from: m.from, body: m.body })).sort((a, b) => a.to.localeCompare(b.to))).toEqual([
        { to: texter.phone, from: FAKE_TWILIO_FROM, body },
        { to: noMail.phone, from: FAKE_TWILIO_FROM, body },
      ])
      expect((await sendDueStockAlerts(getContainer())).claimed).toBe(0)
      expect(twilio.sent).toHaveLength(2)
    })

    it("a received return brings the stock back: the inventory subscriber sends the alert once", async () => {
      const { product, handle, vendor, setStock } = await demo(0)
      await setStock(2)
      const buyer = await customer("alerts-return@buyer.example")
      const { vendorOrder } = await checkout(product.variant_id, handle, 2)
      // 2 stocked, 2 reserved: out of stock, so the alert is accepted.
      expect(await stock(product.variant_id)).toEqual([{ stocked: 2, reserved: 2 }])
      const alert = (await api.post("/store/stock-alerts", { variant_id: product.variant_id }, buyer.headers)).data.stock_alert

      // Fulfilling turns the reservation into shipped stock (0 stocked, 0 reserved): still nothing to send.
      await deliverVendorOrder(api, vendor, vendorOrder.id)
      expect(await stock(product.variant_id)).toEqual([{ stocked: 0, reserved: 0 }])
      await new Promise((r) => setTimeout(r, 1000))
      expect((await alertRows(product.variant_id)).map((r) => r.status)).toEqual(["active"])
      expect(await notifications()).toEqual([])

      // One of the two units comes back through Medusa's return receipt.
      const returned = await api.post(
        `/vendor/orders/${vendorOrder.id}/returns`,
        { items: [{ id: vendorOrder.items[0].id, quantity: 1 }] },
        vendor
      )
      expect(returned.status).toBe(200)
      expect(await stock(product.variant_id)).toEqual([{ stocked: 1, reserved: 0 }])
      // No job run and no direct call: the receipt's inventory-level event reached the subscriber.
      await expectSentOnceBySubscriber(product.variant_id, alert, buyer)
    })

    it("a canceled vendor order releases its reservation: the inventory subscriber sends the alert once", async () => {
      const { product, handle, vendor, setStock } = await demo(0)
      await setStock(1)
      const buyer = await customer("alerts-cancel@buyer.example")
      const { vendorOrder } = await checkout(product.variant_id, handle, 1)
      expect(await stock(product.variant_id)).toEqual([{ stocked: 1, reserved: 1 }])
      const alert = (await api.post("/store/stock-alerts", { variant_id: product.variant_id }, buyer.headers)).data.stock_alert
      expect(alert.status).toBe("active")

      // The vendor cancels its part (an order edit takes the line out; Medusa deletes its reservation).
      const canceled = await api.post(`/vendor/orders/${vendorOrder.id}/cancel`, { reason: "Restock error" }, vendor)
      expect(canceled.data.vendor_order.status).toBe("canceled")
      expect(await stock(product.variant_id)).toEqual([{ stocked: 1, reserved: 0 }])
      const { data: reservations } = await api.get(
        `/admin/reservations?line_item_id=${vendorOrder.items[0].id}&fields=id`,
        await adminHeaders()
      )
      expect(reservations.reservations).toEqual([])
      // No job run and no direct call: the reservation's deleted event reached the subscriber.
      await expectSentOnceBySubscriber(product.variant_id, alert, buyer)
    })
  },
})
