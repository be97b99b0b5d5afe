import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { demoVendorLogin } from "../helpers/vendor"
import { registerCustomer } from "../helpers/store"
import { noThrow, waitFor } from "../helpers/poll"
import { diffSnapshots, snapshotDb } from "../helpers/db-snapshot"
import { sendDueStockAlerts } from "../../src/workflows/stock-alert/workflows/send-stock-alerts"
import { STOCK_ALERT_MODULE } from "../../src/modules/stock-alert"
import type StockAlertModuleService from "../../src/modules/stock-alert/service"

/**
 * Issue 17, item 2: back-in-stock alerts. A customer subscribes to an
 * out-of-stock variant; the vendor's restock (POST /vendor/products/:id/
 * variants/:variant_id/inventory) answers at once, and the inventory event's
 * subscriber sends one `back-in-stock` message per active alert (through
 * sendNotificationsWorkflow, preferences applied) in batches, marking each
 * alert `sent` once. Messages are read from the Notification module's rows.
 */
type Headers = { headers: Record<string, string> }
const STOREFRONT = "https://shop.lilium.test"

liliumIntegrationTestRunner({
  env: { STOREFRONT_URL: STOREFRONT, STOCK_ALERTS_BATCH_SIZE: "100" },
  testSuite: ({ api, storeHeaders, basics, catalog, getContainer, dbConnection }) => {
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
      return { product, setStock, variant: data[0] as any }
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
  },
})
