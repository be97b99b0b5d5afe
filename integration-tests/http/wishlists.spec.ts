import { liliumIntegrationTestRunner } from "../helpers/runner"
import { registerCustomer } from "../helpers/store"
import { demoVendorLogin } from "../helpers/vendor"
import { noThrow } from "../helpers/poll"
import { diffSnapshots, snapshotDb } from "../helpers/db-snapshot"

/**
 * Issue 17, item 1: a customer's named wishlists. Items carry product,
 * vendor, stock (in the publishable key's sales channel) and Medusa's
 * calculated price for a region or currency; the same variant twice is one
 * item; another customer's list is 404 on every route; bad input is 400
 * with nothing written; add-to-cart puts one unit of each item that can be
 * bought into the caller's cart and reports the others with a reason.
 * Demo catalog: Lumen's desk lamp (49.90 EUR / 54.90 USD, 100 in stock),
 * Oakline's chair (289 EUR), Papyrus' paper (6.45 EUR, stock set to 0 here).
 */
type Headers = { headers: Record<string, string> }
const LISTS = "/store/customers/me/wishlists"

liliumIntegrationTestRunner({
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, dbConnection }) => {
    const product = (handle: string) => catalog().products.find((p) => p.handle === handle)!
    const vendorOf = (handle: string) => catalog().vendors.find((v) => v.id === product(handle).vendor_id)!
    const asCustomer = async (email: string): Promise<Headers> => {
      const { token } = await registerCustomer(api, storeHeaders(), email)
      return { headers: { ...storeHeaders().headers, authorization: `Bearer ${token}` } }
    }
    const eurRegion = () => basics().regions.find((r) => r.currency_code === "eur")!.id
    /** A vendor sets a variant's stock through the vendor API, as a restock (or sell-out) does. */
    const setStock = async (handle: string, stocked_quantity: number) => {
      const headers = await demoVendorLogin(api, catalog)(vendorOf(handle).handle)
      await api.post(
        `/vendor/products/${product(handle).id}/variants/${product(handle).variant_id}/inventory`,
        { stocked_quantity },
        headers
      )
    }

    // One test: the runner restores the database before each test, which costs seconds on this box.
    it("named lists, items with vendor, stock and price, one item per variant, 400s and other customers' 404s with nothing written, remove, delete, add-to-cart", async () => {
      const buyer = await asCustomer("lists@buyer.example")
      const other = await asCustomer("other@buyer.example")
      const lamp = product("desk-lamp")
      const paper = product("paper-a4-500")
      await setStock("paper-a4-500", 0)

      const office = (await api.post(LISTS, { name: "  Office Berlin " }, buyer)).data.wishlist
      expect(office).toEqual({
        id: expect.stringMatching(/^wl_/),
        name: "Office Berlin",
        items: [],
        created_at: expect.any(String),
        updated_at: expect.any(String),
      })
      const monthly = (await api.post(LISTS, { name: "Monthly supplies" }, buyer)).data.wishlist

      // The same variant twice is one item; an out-of-stock variant may be listed (that is what lists are for).
      const first = (await api.post(`${LISTS}/${office.id}/items`, { variant_id: lamp.variant_id }, buyer)).data.wishlist
      const again = (await api.post(`${LISTS}/${office.id}/items`, { variant_id: lamp.variant_id }, buyer)).data.wishlist
      expect(again.items.map((i: any) => i.id)).toEqual(first.items.map((i: any) => i.id))
      await api.post(`${LISTS}/${office.id}/items`, { variant_id: paper.variant_id }, buyer)
      const stored = await dbConnection.raw(`select count(*)::int as n from wishlist_item where wishlist_id = ? and deleted_at is null`, [
        office.id,
      ])
      expect(stored.rows[0].n).toBe(2)

      // Item fields, priced for the EUR region.
      const priced = (await api.get(`${LISTS}/${office.id}?region_id=${eurRegion()}`, buyer)).data.wishlist
      expect(priced.items.map(({ created_at, ...rest }: any) => rest)).toEqual([
        {
          id: first.items[0].id,
          variant_id: lamp.variant_id,
          product_id: lamp.id,
          title: "Lilium Desk Lamp",
          variant_title: "Default",
          vendor: { id: lamp.vendor_id, handle: vendorOf("desk-lamp").handle, name: "Lumen Office Lighting" },
          sold: true,
          in_stock: true,
          price: { amount: 49.9, currency_code: "eur" },
        },
        {
          id: expect.stringMatching(/^wli_/),
          variant_id: paper.variant_id,
          product_id: paper.id,
          title: "Recycled Paper A4 (500 sheets)",
          variant_title: "Default",
          vendor: { id: paper.vendor_id, handle: vendorOf("paper-a4-500").handle, name: "Papyrus Supplies" },
          sold: true,
          in_stock: false,
          price: { amount: 6.45, currency_code: "eur" },
        },
      ])
      const usd = (await api.get(`${LISTS}/${office.id}?currency_code=USD`, buyer)).data.wishlist
      expect(usd.items.map((i: any) => i.price)).toEqual([
        { amount: 54.9, currency_code: "usd" },
        { amount: 7.1, currency_code: "usd" },
      ])
      const unpriced = (await api.get(`${LISTS}/${office.id}`, buyer)).data.wishlist
      expect(unpriced.items.map((i: any) => i.price)).toEqual([null, null])

      const lists = (await api.get(LISTS, buyer)).data.wishlists
      expect(lists.map((w: any) => [w.name, w.items.length])).toEqual([
        ["Monthly supplies", 0],
        ["Office Berlin", 2],
      ])

      // Refused: 400 with a message, nothing written anywhere.
      const before = await snapshotDb(dbConnection)
      const bad: [string, string, unknown, RegExp][] = [
        ["post", LISTS, { name: "" }, /name/],
        ["post", LISTS, { name: "   " }, /name/],
        ["post", LISTS, { name: "x".repeat(101) }, /100/],
        ["post", LISTS, { name: "Office Berlin" }, /already have a wishlist named "Office Berlin"/],
        ["post", LISTS, { name: "Mine", customer_id: "cus_other" }, /customer_id/],
        ["post", LISTS, {}, /name/],
        ["post", `${LISTS}/${office.id}/items`, { variant_id: "variant_does_not_exist" }, /does not exist or is not sold/],
        ["post", `${LISTS}/${office.id}/items`, { variant_id: lamp.variant_id, quantity: 2 }, /quantity/],
        ["post", `${LISTS}/${office.id}/items`, {}, /variant_id/],
        ["post", `${LISTS}/${office.id}/add-to-cart`, { cart_id: "cart_x", wishlist_id: office.id }, /wishlist_id/],
        ["get", `${LISTS}/${office.id}?region_id=reg_missing`, undefined, /Region reg_missing does not exist/],
        ["get", `${LISTS}/${office.id}?currency_code=euro`, undefined, /currency_code/],
        ["get", `${LISTS}/${office.id}?fields=*items`, undefined, /fields/],
      ]
      for (const [method, url, body, message] of bad) {
        const res = method === "get" ? await api.get(url, { ...buyer, ...noThrow }) : await api.post(url, body, { ...buyer, ...noThrow })
        expect({ url, body, status: res.status, message: message.test(res.data.message) ? "ok" : res.data.message }).toEqual({
          url,
          body,
          status: 400,
          message: "ok",
        })
      }
      expect(diffSnapshots(before, await snapshotDb(dbConnection))).toEqual([])

      // Another customer: 404 on every route of the list (the same answer as a list that does not exist), nothing written.
      const otherCart = (await api.post("/store/carts", { region_id: eurRegion() }, other)).data.cart
      const item = first.items[0].id
      const probes: [string, string, unknown?][] = [
        ["get", `${LISTS}/${office.id}`],
        ["delete", `${LISTS}/${office.id}`],
        ["post", `${LISTS}/${office.id}/items`, { variant_id: lamp.variant_id }],
        ["delete", `${LISTS}/${office.id}/items/${item}`],
        ["post", `${LISTS}/${office.id}/add-to-cart`, { cart_id: otherCart.id }],
      ]
      const beforeOther = await snapshotDb(dbConnection)
      for (const [method, url, body] of probes) {
        const res =
          method === "get"
            ? await api.get(url, { ...other, ...noThrow })
            : method === "delete"
              ? await api.delete(url, { ...other, ...noThrow })
              : await api.post(url, body, { ...other, ...noThrow })
        expect({ method, url, status: res.status }).toEqual({ method, url, status: 404 })
      }
      expect(diffSnapshots(beforeOther, await snapshotDb(dbConnection))).toEqual([])
      expect((await api.get(LISTS, other)).data.wishlists).toEqual([])
      // An item of another list of the caller's is 404 too.
      expect((await api.delete(`${LISTS}/${monthly.id}/items/${item}`, { ...buyer, ...noThrow })).status).toBe(404)

      // Remove an item, then delete a list.
      const removed = (await api.delete(`${LISTS}/${office.id}/items/${item}`, buyer)).data.wishlist
      expect(removed.items.map((i: any) => i.variant_id)).toEqual([paper.variant_id])
      expect((await api.delete(`${LISTS}/${office.id}/items/${item}`, { ...buyer, ...noThrow })).status).toBe(404)
      // Removed means it may go back on the list; two adds at the same moment are still one item.
      const both = await Promise.all(
        [0, 1].map(() => api.post(`${LISTS}/${office.id}/items`, { variant_id: lamp.variant_id }, { ...buyer, ...noThrow }))
      )
      expect(both.map((r) => r.status)).toEqual([200, 200])
      const readded = (await api.get(`${LISTS}/${office.id}`, buyer)).data.wishlist
      expect(readded.items.map((i: any) => i.variant_id)).toEqual([paper.variant_id, lamp.variant_id])
      // The same name twice at once: one list, and a 400 for the other.
      const names = await Promise.all([0, 1].map(() => api.post(LISTS, { name: "Twice" }, { ...buyer, ...noThrow })))
      expect(names.map((r) => r.status).sort()).toEqual([200, 400])
      await api.delete(`${LISTS}/${names.find((r) => r.status === 200)!.data.wishlist.id}`, buyer)
      expect((await api.delete(`${LISTS}/${monthly.id}`, buyer)).data).toEqual({ id: monthly.id, object: "wishlist", deleted: true })
      expect((await api.get(`${LISTS}/${monthly.id}`, { ...buyer, ...noThrow })).status).toBe(404)
      expect((await api.get(LISTS, buyer)).data.wishlists.map((w: any) => w.name)).toEqual(["Office Berlin"])

      // Add to cart. The list: paper (out of stock), lamp, and the chair of a vendor suspended after it was listed.
      const chair = product("oak-office-chair")
      await api.post(`${LISTS}/${office.id}/items`, { variant_id: chair.variant_id }, buyer)
      await api.post(`/admin/vendors/${chair.vendor_id}/suspend`, { reason: "Test: vendor stops selling" }, await adminHeaders())

      // A vendor that is not active: its variant cannot be added to a list (nothing written).
      const otherList = (await api.post(LISTS, { name: "Other" }, buyer)).data.wishlist
      const refused = await api.post(`${LISTS}/${otherList.id}/items`, { variant_id: chair.variant_id }, { ...buyer, ...noThrow })
      expect([refused.status, refused.data.message]).toEqual([
        400,
        expect.stringMatching(/Oak Office Chair.*Oakline Furniture is not selling/),
      ])

      // Another customer's cart: 404, nothing written.
      const beforeCart = await snapshotDb(dbConnection)
      const foreign = await api.post(`${LISTS}/${office.id}/add-to-cart`, { cart_id: otherCart.id }, { ...buyer, ...noThrow })
      expect(foreign.status).toBe(404)
      expect(diffSnapshots(beforeCart, await snapshotDb(dbConnection))).toEqual([])

      const cart = (await api.post("/store/carts", { region_id: eurRegion() }, buyer)).data.cart
      const { data } = await api.post(`${LISTS}/${office.id}/add-to-cart`, { cart_id: cart.id }, buyer)
      expect(data.cart.id).toBe(cart.id)
      expect(
        data.cart.items.map((i: any) => ({
          variant_id: i.variant_id,
          quantity: i.quantity,
          unit_price: i.unit_price,
          title: i.product_title,
        }))
      ).toEqual([{ variant_id: lamp.variant_id, quantity: 1, unit_price: 49.9, title: "Lilium Desk Lamp" }])
      expect(data.cart.item_subtotal).toBe(49.9)
      expect(
        data.unavailable
          .map(({ variant_id, reason }: any) => ({ variant_id, reason }))
          .sort((a: any, b: any) => a.reason.localeCompare(b.reason))
      ).toEqual([
        { variant_id: paper.variant_id, reason: "out_of_stock" },
        { variant_id: chair.variant_id, reason: "vendor_suspended" },
      ])
      // The list is unchanged (adding to a cart does not empty it); the suspended vendor's chair shows as not sold.
      const after = (await api.get(`${LISTS}/${office.id}`, buyer)).data.wishlist.items
      expect(after.map((i: any) => [i.variant_id, i.sold, i.in_stock])).toEqual([
        [paper.variant_id, true, false],
        [lamp.variant_id, true, true],
        [chair.variant_id, false, true],
      ])
    })
  },
})
