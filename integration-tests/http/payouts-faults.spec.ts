import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart } from "../helpers/store"
import { demoVendorLogin } from "../helpers/vendor"
import { deliveredVendorOrders } from "../helpers/vendor-order-flow"
import { injectFault } from "../helpers/db-fault"
import { noThrow } from "../helpers/poll"

jest.setTimeout(240_000)

const cents = (amount: number | string) => Math.round(Number(amount) * 100)

/**
 * Failure injection for the payout run. A real PostgreSQL trigger raises on
 * one write of the run (the run record, a payout row, the rows it covers,
 * its ledger debit, marking it attempted, closing the run); nothing of our
 * code is mocked. After each fault, per vendor: either the whole payout with
 * its debit (and the rows it covers), or none of it, or a payout failed with
 * its debit reversed; the balances (available + in transit) are what they
 * were, to the cent; Σ ledger rows = balance. Then the trigger is dropped and
 * a rerun pays every vendor exactly once.
 */
liliumIntegrationTestRunner({
  env: { MARKETPLACE_PAYOUT_HOLD_DAYS: "0", MARKETPLACE_PAYOUT_ACCOUNT_HOLD_HOURS: "0" },
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, dbConnection }) => {
    const eur = () => basics().regions.find((r) => r.currency_code === "eur")!
    const product = (handle: string) => catalog().products.find((p) => p.handle === handle)!
    const vendorId = (handle: string) => catalog().vendors.find((v) => v.handle === handle)!.id
    const LUMEN = "lumen-office-lighting"
    const OAK = "oakline-furniture"
    const login = demoVendorLogin(api, catalog)

    /** Checks out lamp ×3, chair ×1, paper ×5 with a 10% rule; every vendor delivers (hold 0: available at once). */
    async function deliveredOrder() {
      const admin = await adminHeaders()
      await api.post(
        "/admin/commission-rules",
        { name: "Marketplace 10%", rate_type: "percentage", value: 10, scope: { type: "global" } },
        admin
      )
      const cart = await readyCart(api, storeHeaders(), {
        region_id: eur().id,
        email: "buyer@payout-faults.example",
        lines: [
          { variant_id: product("desk-lamp").variant_id, quantity: 3 },
          { variant_id: product("oak-office-chair").variant_id, quantity: 1 },
          { variant_id: product("paper-a4-500").variant_id, quantity: 5 },
        ],
      })
      const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders())
      await deliveredVendorOrders(api, admin, data.order.id, login)
    }

    async function manualAccount(handle: string) {
      const { status, data } = await api.post(
        "/vendor/payout-account",
        { provider: "manual", details: { account_holder: "Payee GmbH", iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX" } },
        { ...(await login(handle)), ...noThrow }
      )
      if (status !== 200) throw new Error(`payout account: ${status} ${JSON.stringify(data)}`)
    }

    /** Per vendor: the balance as the API shows it, and the ledger as the database holds it. */
    async function state(handle: string) {
      const { data } = await api.get(`/admin/vendors/${vendorId(handle)}/balance`, await adminHeaders())
      const b = data.balances.find((x: any) => x.currency_code === "eur")
      const { rows } = await dbConnection.raw(
        `select coalesce(sum(amount), 0) as total,
                coalesce(sum(amount) filter (where type = 'payout'), 0) as debits,
                coalesce(sum(amount) filter (where type = 'payout_reversal'), 0) as reversals
           from vendor_transaction where vendor_id = ? and currency_code = 'eur'`,
        [vendorId(handle)]
      )
      const { rows: payouts } = await dbConnection.raw(
        `select p.id, p.status, p.amount, p.failure_code,
                (select coalesce(sum(t.amount), 0) from vendor_transaction t where t.payout_id = p.id and t.type = 'payout') as debit,
                (select coalesce(sum(t.amount), 0) from vendor_transaction t where t.payout_id = p.id and t.type = 'payout_reversal') as reversal,
                (select coalesce(sum(t.amount), 0) from payout_item i join vendor_transaction t on t.id = i.transaction_id where i.payout_id = p.id) as covered
           from payout p where p.vendor_id = ? and p.deleted_at is null order by p.created_at`,
        [vendorId(handle)]
      )
      return {
        balance: { pending: cents(b.pending), available: cents(b.available), in_transit: cents(b.in_transit), paid_out: cents(b.paid_out) },
        ledger: { total: cents(rows[0].total), debits: cents(rows[0].debits), reversals: cents(rows[0].reversals) },
        payouts: payouts.map((p: any) => ({
          status: p.status,
          amount: cents(p.amount),
          debit: cents(p.debit),
          reversal: cents(p.reversal),
          covered: cents(p.covered),
          failure_code: p.failure_code,
        })),
      }
    }

    /** What must hold after any fault, for a vendor whose available balance was `owed` cents. */
    function assertWholeOrNothing(s: Awaited<ReturnType<typeof state>>, owed: number) {
      // Σ rows = the balance's buckets; nothing created or lost.
      expect(s.balance.pending + s.balance.available).toBe(s.ledger.total)
      expect(s.balance.available + s.balance.in_transit + s.balance.paid_out).toBe(owed)
      for (const p of s.payouts) {
        // A payout exists only with its debit and the rows it covers, all equal to its amount.
        expect([p.debit, p.covered]).toEqual([-p.amount, p.amount])
        // A failed payout's debit is reversed; a standing one is not.
        expect(p.reversal).toBe(p.status === "failed" ? p.amount : 0)
      }
    }

    const OWED: Record<string, number> = { [LUMEN]: 13968, [OAK]: 26505 } // lamp 149.70 + 4.95 − 14.97; chair 289 + 4.95 − 28.90

    async function runPayouts() {
      return api.post("/admin/payout-runs", {}, { ...(await adminHeaders()), ...noThrow })
    }

    const FAULTS: { name: string; table: string; event: "INSERT" | "UPDATE"; when?: () => string; outcome: "none" | "failed" | "paid" }[] =
      [
        { name: "the run record", table: "payout_run", event: "INSERT", outcome: "none" },
        { name: "a payout row", table: "payout", event: "INSERT", outcome: "none" },
        {
          name: "Oakline's payout row only",
          table: "payout",
          event: "INSERT",
          when: () => `NEW.vendor_id = '${vendorId(OAK)}'`,
          outcome: "none",
        },
        { name: "the ledger rows a payout covers (payout_item)", table: "payout_item", event: "INSERT", outcome: "none" },
        {
          name: "a payout's ledger debit",
          table: "vendor_transaction",
          event: "INSERT",
          when: () => `NEW.type = 'payout'`,
          outcome: "none",
        },
        {
          name: "marking a payout attempted (processing)",
          table: "payout",
          event: "UPDATE",
          when: () => `NEW.status = 'processing'`,
          outcome: "failed",
        },
        {
          name: "closing the run (completed)",
          table: "payout_run",
          event: "UPDATE",
          when: () => `NEW.status = 'completed'`,
          outcome: "paid",
        },
      ]

    it.each(FAULTS)("a failure writing $name leaves each payout whole or absent, balances unchanged; a rerun pays once", async (fault) => {
      await deliveredOrder()
      await manualAccount(LUMEN)
      await manualAccount(OAK)
      for (const h of [LUMEN, OAK]) {
        expect((await state(h)).balance).toEqual({ pending: 0, available: OWED[h], in_transit: 0, paid_out: 0 })
      }

      const drop = await injectFault(dbConnection, fault.table, fault.event, fault.when?.())
      let res: any
      try {
        res = await runPayouts()
      } finally {
        await drop()
      }
      expect([res.status, res.data]).toEqual([500, { code: "unknown_error", type: "unknown_error", message: "An unknown error occurred." }])
      const runs = (await dbConnection.raw(`select status from payout_run where deleted_at is null`)).rows.map((r: any) => r.status)
      expect(runs).toEqual(fault.table === "payout_run" && fault.event === "INSERT" ? [] : ["failed"])
      const after: Record<string, any> = {}
      for (const h of [LUMEN, OAK]) {
        after[h] = await state(h)
        assertWholeOrNothing(after[h], OWED[h])
      }
      if (fault.outcome === "none") {
        // Either the whole payout with its debit (a vendor paid before the fault), or nothing.
        expect(after[OAK].payouts).toEqual([])
        expect(after[OAK].balance).toEqual({ pending: 0, available: OWED[OAK], in_transit: 0, paid_out: 0 })
        for (const p of after[LUMEN].payouts) expect(p).toMatchObject({ status: "pending", amount: OWED[LUMEN] })
      } else if (fault.outcome === "failed") {
        // Never sent: the run's compensation failed the payouts and credited their debits back.
        for (const h of [LUMEN, OAK]) {
          expect(after[h].payouts).toEqual([
            { status: "failed", amount: OWED[h], debit: -OWED[h], reversal: OWED[h], covered: OWED[h], failure_code: "run_aborted" },
          ])
          expect(after[h].balance).toEqual({ pending: 0, available: OWED[h], in_transit: 0, paid_out: 0 })
        }
      } else {
        // Sent before the fault: the payouts stand with their debits (money may have moved).
        for (const h of [LUMEN, OAK]) {
          expect(after[h].payouts).toEqual([
            { status: "processing", amount: OWED[h], debit: -OWED[h], reversal: 0, covered: OWED[h], failure_code: null },
          ])
          expect(after[h].balance).toEqual({ pending: 0, available: 0, in_transit: OWED[h], paid_out: 0 })
        }
      }

      // The rerun: each vendor ends with exactly one standing payout of what it was owed.
      const rerun = await runPayouts()
      expect(rerun.status).toBe(200)
      expect(rerun.data.payout_run.status).toBe("completed")
      for (const h of [LUMEN, OAK]) {
        const s = await state(h)
        assertWholeOrNothing(s, OWED[h])
        const standing = s.payouts.filter((p: any) => p.status !== "failed")
        expect(standing).toEqual([
          { status: "processing", amount: OWED[h], debit: -OWED[h], reversal: 0, covered: OWED[h], failure_code: null },
        ])
        expect(s.balance).toEqual({ pending: 0, available: 0, in_transit: OWED[h], paid_out: 0 })
        expect(s.ledger.debits + s.ledger.reversals).toBe(-OWED[h])
      }
      // And a third run finds nothing to pay.
      const third = await runPayouts()
      expect(third.data.payout_run.payouts).toEqual([])
    })
  },
})
