import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart, registerCustomer } from "../helpers/store"
import { noThrow } from "../helpers/poll"
import { vendorOrdersByHandle } from "../helpers/vendor-order-flow"
import { pdfText } from "../helpers/pdf-text"

/**
 * Issue 19, the invoice PDF: an order's invoice with the vendor split, each
 * vendor the seller of record of its section, downloaded by the company
 * (GET /store/companies/me/orders/:id/invoice) and by the operator
 * (GET /admin/orders/:id/invoice), and read back with pdf.js, not with
 * Lilium's writer.
 *
 * The cart: 2 × Lumen's desk lamp (49.90), 1 × Oakline's chair (289.00),
 * 3 × Papyrus's paper (6.45), 4.95 shipping per vendor, 19% German VAT:
 *   Lumen   118.762 + 5.8905 = 124.6525 (tax 18.962 + 0.9405 = 19.9025)
 *   Oakline 343.91  + 5.8905 = 349.8005 (tax 54.91  + 0.9405 = 55.8505)
 *   Papyrus  23.0265 + 5.8905 = 28.917  (tax  3.6765 + 0.9405 =  4.617)
 *   order   503.37, tax 80.37, net 423.00.
 * Rounded to cents, the three sections make 503.36; the missing cent goes to
 * the largest remainder (Papyrus, .007): 124.65 + 349.80 + 28.92 = 503.37,
 * and the same for tax: 19.90 + 55.85 + 4.62 = 80.37.
 */
type Who = { headers: Record<string, string>; email: string; token: string }
const pdfGet = { responseType: "arraybuffer" as const, ...noThrow }

liliumIntegrationTestRunner({
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders }) => {
    const asCustomer = async (email: string): Promise<Who> => {
      const { token } = await registerCustomer(api, storeHeaders(), email)
      return { email, token, headers: { ...storeHeaders().headers, authorization: `Bearer ${token}` } }
    }
    const variant = (handle: string) => catalog().products.find((p) => p.handle === handle)!.variant_id
    const vendorId = (handle: string) => catalog().products.find((p) => p.handle === handle)!.vendor_id
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!.id
    const checkout = async (who: Who, lines: { variant_id: string; quantity: number }[], provider_id = "pp_system_default") => {
      const cart = await readyCart(api, storeHeaders(), {
        region_id: eur(),
        email: who.email,
        customerToken: who.token,
        lines,
        provider_id,
      })
      const res = await api.post(`/store/carts/${cart.id}/complete`, {}, who)
      expect(res.data.type).toBe("order")
      return res.data.order
    }
    const download = async (url: string, headers: object) => {
      const res = await api.get(url, { ...headers, ...pdfGet })
      return { status: res.status, headers: res.headers, body: Buffer.from(res.data) }
    }

    it("the company and the operator download the order's invoice: each vendor as seller of record, its lines and totals to the cent, adding up to the order", async () => {
      const admin = await adminHeaders()
      const { data: taxRegions } = await api.get("/admin/tax-regions?country_code=de", admin)
      await api.post(
        "/admin/tax-rates",
        { tax_region_id: taxRegions.tax_regions[0].id, name: "DE VAT", code: "DE19", rate: 19, is_default: true },
        admin
      )
      // Two sellers with their legal details; Papyrus has none, so its trading name is the seller's name.
      await api.post(
        `/admin/vendors/${vendorId("desk-lamp")}`,
        {
          legal_name: "Lumen Office Lighting GmbH",
          tax_id: "DE111111111",
          address: { address_1: "Lichtweg 1", city: "Köln", postal_code: "50667", country_code: "de" },
        },
        admin
      )
      await api.post(
        `/admin/vendors/${vendorId("oak-office-chair")}`,
        { legal_name: "Oakline Möbel AG", tax_id: "DE222222222", registration_number: "HRB 4711" },
        admin
      )

      // Acme: Anna (admin) founds it, Ben and Carla are buyers; Acme's default billing address.
      // Otto founds another company; Mallory buys for herself.
      const [anna, ben, carla, otto, mallory] = await Promise.all(
        ["anna@acme.example", "ben@acme.example", "carla@acme.example", "otto@other.example", "mallory@private.example"].map(asCustomer)
      )
      const acme = (
        await api.post("/store/companies", { name: "Acme Procurement GmbH", email: "buying@acme.example", tax_id: "DE 123.456.789" }, anna)
      ).data.company
      // Acme buys on 30 days' terms: its employees may also pay by invoice.
      await api.post(`/admin/companies/${acme.id}`, { payment_terms: "net_30", credit_limit: 1000 }, admin)
      for (const who of [ben, carla]) {
        const { token } = (await api.post("/store/companies/me/invites", { email: who.email, role: "buyer" }, anna)).data
        await api.post("/store/companies/invites/accept", { token }, who)
      }
      await api.post(
        "/store/companies/me/addresses",
        { address_1: "Beschaffungsweg 5", city: "Hamburg", postal_code: "20095", country_code: "de", is_default_billing: true },
        anna
      )

      await api.post("/store/companies", { name: "Other Buying AG", email: "buying@other.example" }, otto)

      // Ben's three-vendor order for Acme (by card), Anna's order for Acme by invoice and Mallory's private order, side by side.
      const [order, invoiceOrder, privateOrder] = await Promise.all([
        checkout(ben, [
          { variant_id: variant("desk-lamp"), quantity: 2 },
          { variant_id: variant("oak-office-chair"), quantity: 1 },
          { variant_id: variant("paper-a4-500"), quantity: 3 },
        ]),
        checkout(anna, [{ variant_id: variant("paper-a4-500"), quantity: 1 }], "pp_invoice_invoice"),
        checkout(mallory, [{ variant_id: variant("desk-lamp"), quantity: 1 }]),
      ])
      expect([order.total, order.tax_total]).toEqual([503.37, 80.37])
      const split = await vendorOrdersByHandle(api, admin, order.id)
      const number = `INV-${String(order.display_id).padStart(6, "0")}`

      // Ben's own order, from the company's route: a PDF download.
      const url = `/store/companies/me/orders/${order.id}/invoice`
      const mine = await download(url, ben)
      expect(mine.status).toBe(200)
      expect(mine.headers["content-type"]).toMatch(/^application\/pdf/)
      expect(mine.headers["content-disposition"]).toBe(`attachment; filename="invoice-${number}.pdf"`)
      expect(mine.body.subarray(0, 8).toString("latin1")).toBe("%PDF-1.4")
      const read = await pdfText(mine.body)
      const lines = read.lines
      expect(read.pageCount).toBe(1)

      // The platform, the invoice, the buyer company with its billing address and tax id, who ordered, the payment.
      expect(lines[0]).toBe("Lilium | INVOICE")
      expect(lines).toContain(`Invoice number: | ${number}`)
      expect(lines).toContain(`Issue date: | ${new Date(order.created_at).toISOString().slice(0, 10)}`)
      expect(lines).toContain("Acme Procurement GmbH | Terms: Paid at checkout")
      expect(lines).toEqual(
        expect.arrayContaining([
          "Beschaffungsweg 5 | Status: Paid",
          "20095 Hamburg",
          "buying@acme.example",
          "Tax ID: DE123456789",
          "Ordered by: Erika Muster <ben@acme.example>",
        ])
      )

      // Each vendor as seller of record, in the order of their names, with its lines, shipping and totals.
      const section = (seller: string) => {
        const start = lines.indexOf(`Sold by: ${seller} | Vendor order ${split[handleOf[seller]].display_id}`)
        expect({ seller, start: start >= 0 }).toEqual({ seller, start: true })
        return lines.slice(start, lines.findIndex((l, i) => i > start && l.startsWith(`Total ${seller} |`)) + 1)
      }
      const handleOf: Record<string, string> = {
        "Lumen Office Lighting GmbH": "lumen-office-lighting",
        "Oakline Möbel AG": "oakline-furniture",
        "Papyrus Supplies": "papyrus-supplies",
      }
      const header = "Description | SKU | Qty | Unit price | Tax | Total"
      expect(section("Lumen Office Lighting GmbH")).toEqual([
        `Sold by: Lumen Office Lighting GmbH | Vendor order ${split["lumen-office-lighting"].display_id}`,
        "Trading as Lumen Office Lighting, Lichtweg 1, 50667 Köln, DE, owner@lumen.demo",
        "Tax ID: DE111111111",
        header,
        "Lilium Desk Lamp | DESK-LAMP | 2 | 49.90 | 18.96 | 118.76",
        "Shipping: Lumen Standard | 1 | 4.95 | 0.94 | 5.89",
        "Subtotal (excl. tax) | 104.75 EUR",
        "Tax | 19.90 EUR",
        "Total Lumen Office Lighting GmbH | 124.65 EUR",
      ])
      expect(section("Oakline Möbel AG")).toEqual([
        `Sold by: Oakline Möbel AG | Vendor order ${split["oakline-furniture"].display_id}`,
        "Trading as Oakline Furniture, Demo Street 1, 10115 Berlin, DE, owner@oakline.demo",
        "Tax ID: DE222222222 · Registration no.: HRB 4711",
        header,
        "Oak Office Chair | OAK-OFFICE-CHAIR | 1 | 289.00 | 54.91 | 343.91",
        "Shipping: Oakline Freight | 1 | 4.95 | 0.94 | 5.89",
        "Subtotal (excl. tax) | 293.95 EUR",
        "Tax | 55.85 EUR",
        "Total Oakline Möbel AG | 349.80 EUR",
      ])
      expect(section("Papyrus Supplies")).toEqual([
        `Sold by: Papyrus Supplies | Vendor order ${split["papyrus-supplies"].display_id}`,
        "Demo Street 1, 10115 Berlin, DE, owner@papyrus.demo",
        header,
        "Recycled Paper A4 (500 sheets) | PAPER-A4-500 | 3 | 6.45 | 3.68 | 23.03",
        "Shipping: Papyrus Parcel | 1 | 4.95 | 0.94 | 5.89",
        "Subtotal (excl. tax) | 24.30 EUR",
        "Tax | 4.62 EUR",
        "Total Papyrus Supplies | 28.92 EUR",
      ])
      // The sections add up to the order: 124.65 + 349.80 + 28.92 = 503.37.
      expect(lines.slice(-4)).toEqual([
        "Order subtotal (excl. tax) | 423.00 EUR",
        "Order tax | 80.37 EUR",
        "Order total | 503.37 EUR",
        `Lilium - Invoice ${number} | Page 1 of 1`,
      ])

      // The company's admin downloads the same invoice; the operator too.
      const annas = await download(url, anna)
      expect(annas.status).toBe(200)
      expect((await pdfText(annas.body)).lines).toEqual(lines)
      const operators = await download(`/admin/orders/${order.id}/invoice`, admin)
      expect([operators.status, operators.headers["content-disposition"]]).toEqual([200, `attachment; filename="invoice-${number}.pdf"`])
      expect((await pdfText(operators.body)).lines).toEqual(lines)

      // A colleague without the admin role: 403 (the order is the company's; the invoice is the buyer's and the admins').
      const carlas = await api.get(url, { ...carla, ...noThrow })
      expect([carlas.status, carlas.data.message]).toEqual([
        403,
        "Only a company admin can download the invoice of an order another employee placed.",
      ])

      // Another company's admin: 404, as for an order that does not exist.
      const ottos = await api.get(url, { ...otto, ...noThrow })
      expect([ottos.status, ottos.data.message]).toEqual([404, `Order with id: ${order.id} was not found`])

      // An order not placed for a company: 404 on the company route (for Acme's admin and for its own customer), and
      // the operator's invoice has the customer as buyer (the billing address's company, the customer, the e-mail).
      const privateUrl = `/store/companies/me/orders/${privateOrder.id}/invoice`
      expect((await api.get(privateUrl, { ...anna, ...noThrow })).status).toBe(404)
      expect((await api.get(privateUrl, { ...mallory, ...noThrow })).status).toBe(404)
      const privateInvoice = await download(`/admin/orders/${privateOrder.id}/invoice`, admin)
      expect(privateInvoice.status).toBe(200)
      const privateLines = (await pdfText(privateInvoice.body)).lines
      // 49.90 + 4.95 with 19% VAT: 59.381 + 5.8905 = 65.2715 → 65.27, tax 10.4215 → 10.42.
      expect(privateLines).toEqual(
        expect.arrayContaining([
          "Muster GmbH | Terms: Paid at checkout",
          "Erika Muster | Status: Paid",
          "Hauptstraße 5",
          "10115 Berlin",
          "mallory@private.example",
          "Lilium Desk Lamp | DESK-LAMP | 1 | 49.90 | 9.48 | 59.38",
          "Total Lumen Office Lighting GmbH | 65.27 EUR",
          "Order total | 65.27 EUR",
        ])
      )
      expect(privateLines.some((l) => l.startsWith("Ordered by:"))).toBe(false)
      expect((await api.get(`/admin/orders/order_nope/invoice`, { ...admin, ...noThrow })).status).toBe(404)

      // Anna's order paid by invoice: terms, due date and "Due" until the operator records the payment, then "Paid on".
      const invoiceUrl = `/store/companies/me/orders/${invoiceOrder.id}/invoice`
      const dueOn = (await api.get(`/admin/orders/${invoiceOrder.id}?fields=metadata`, admin)).data.order.metadata.payment_due_at.slice(
        0,
        10
      )
      // 6.45 + 4.95 with 19% VAT: 7.6755 + 5.8905 = 13.566 → 13.57, tax 2.166 → 2.17.
      const open = (await pdfText((await download(invoiceUrl, anna)).body)).lines
      expect(open).toEqual(
        expect.arrayContaining([
          "Acme Procurement GmbH | Terms: Net 30 days",
          `Beschaffungsweg 5 | Due date: ${dueOn}`,
          `20095 Hamburg | Status: Due ${dueOn}`,
          "Ordered by: Erika Muster <anna@acme.example>",
          "Total Papyrus Supplies | 13.57 EUR",
          "Order total | 13.57 EUR",
        ])
      )
      // Ben, a buyer, cannot have his admin's invoice either.
      expect((await api.get(invoiceUrl, { ...ben, ...noThrow })).status).toBe(403)
      await api.post(`/admin/orders/${invoiceOrder.id}/mark-invoice-paid`, { reference: "SEPA-0042" }, admin)
      const paidOn = (await api.get(`/admin/invoices?status=paid`, admin)).data.invoices
        .find((i: any) => i.order_id === invoiceOrder.id)
        .paid_at.slice(0, 10)
      expect((await pdfText((await download(`/admin/orders/${invoiceOrder.id}/invoice`, admin)).body)).lines).toEqual(
        expect.arrayContaining(["Acme Procurement GmbH | Terms: Net 30 days", `20095 Hamburg | Status: Paid on ${paidOn}`])
      )
      // Without a sign-in: 401 on both.
      expect((await api.get(url, { ...storeHeaders(), ...noThrow })).status).toBe(401)
      expect((await api.get(`/admin/orders/${order.id}/invoice`, noThrow)).status).toBe(401)
    })
  },
})
