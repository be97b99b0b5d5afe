import { liliumIntegrationTestRunner } from "../helpers/runner"
import { readyCart } from "../helpers/store"
import { applyAsVendor, bearer, verifyOwnerEmail } from "../helpers/vendor"
import { capturedOrder, deliverVendorOrder, vendorOrdersByHandle } from "../helpers/vendor-order-flow"
import { injectFault } from "../helpers/db-fault"
import { connectStripeAccount, sendStripeWebhook, useFakeStripe } from "../helpers/fake-stripe"
import runScheduledPayouts from "../../src/jobs/run-scheduled-payouts"
import { noThrow } from "../helpers/poll"

// Stripe Connect against a fake Stripe, for the entries of its webhooks.
const stripe = useFakeStripe()

/**
 * The audit trail (issue 13, item 8): every audited action done through the
 * HTTP API with real tokens, and the entry it leaves (actor, action, target,
 * before/after, request id); a refused action leaves none; a vendor reads
 * only its own entries; CSV; PostgreSQL refuses UPDATE and DELETE.
 */
liliumIntegrationTestRunner({
  env: { MARKETPLACE_PAYOUT_HOLD_DAYS: "0" },
  testSuite: ({ api, basics, catalog, storeHeaders, adminHeaders, getContainer, dbConnection }) => {
    const vendorOf = (handle: string) => catalog().vendors.find((v) => v.handle === handle)!
    const login = async (handle: string) => {
      const { data } = await api.post("/auth/vendor/emailpass", { email: vendorOf(handle).email, password: "lilium-vendor" })
      return bearer(data.token)
    }
    const withRequestId = (headers: { headers: Record<string, string> }, id: string) => ({
      headers: { ...headers.headers, "x-request-id": id },
    })
    const adminUserId = async () => (await api.get("/admin/users/me", await adminHeaders())).data.user.id as string
    /** The admin log's entries matching the filters, newest first. */
    const entries = async (query: Record<string, string>) => {
      const { data } = await api.get(`/admin/audit-log?${new URLSearchParams({ limit: "100", ...query })}`, await adminHeaders())
      return data.audit_entries as any[]
    }
    const one = async (query: Record<string, string>) => {
      const list = await entries(query)
      expect(list).toHaveLength(1)
      return list[0]
    }
    const memberId = async (headers: any) => (await api.get("/vendor/me", headers)).data.member.id as string

    it("records vendor approval and status changes, operator edits, invites, role changes and removals; refused actions record nothing; vendors read only their own", async () => {
      const admin = await adminHeaders()
      const userId = await adminUserId()
      const acme = await applyAsVendor(api, { name: "Acme Audit", email: "owner@acme-audit.example" })
      const vendorId = acme.vendor.id as string
      const ownerId = await memberId(acme.headers)

      // The application: recorded as the owner member the applicant became.
      const applied = await one({ action: "vendor.created", target_id: vendorId })
      expect(applied).toMatchObject({
        actor_type: "vendor_member",
        actor_id: ownerId,
        vendor_id: vendorId,
        target_type: "vendor",
        before: null,
      })
      expect(applied.after).toMatchObject({ status: "pending", name: "Acme Audit", email: "owner@acme-audit.example" })
      // The operator creates a vendor directly.
      const { data: direct } = await api.post(
        "/admin/vendors",
        { name: "Direct Audit", email: "hello@direct-audit.example", status: "pending" },
        admin
      )
      expect(await one({ action: "vendor.created", target_id: direct.vendor.id })).toMatchObject({
        actor_type: "user",
        actor_id: userId,
        vendor_id: direct.vendor.id,
        before: null,
        after: { status: "pending", name: "Direct Audit" },
      })

      // Approval (the owner has verified the e-mail), with the caller's request id kept and answered.
      await verifyOwnerEmail(api, "owner@acme-audit.example")
      const approved = await api.post(`/admin/vendors/${vendorId}/approve`, {}, withRequestId(admin, "req-audit-approve-1"))
      expect(approved.headers["x-request-id"]).toBe("req-audit-approve-1")
      const approval = await one({ action: "vendor.approved", target_id: vendorId })
      expect(approval).toMatchObject({
        actor_type: "user",
        actor_id: userId,
        vendor_id: vendorId,
        target_type: "vendor",
        target_id: vendorId,
        before: { status: "pending" },
        after: { status: "active" },
        request_id: "req-audit-approve-1",
      })
      expect(approval.ip).toBeTruthy()

      // Approving again is an illegal transition: 409, and no second entry.
      const again = await api.post(`/admin/vendors/${vendorId}/approve`, {}, { ...admin, ...noThrow })
      expect(again.status).toBe(409)
      expect(await entries({ target_id: vendorId, action: "vendor.approved" })).toHaveLength(1)

      // Without an x-request-id, one is generated and answered.
      const suspended = await api.post(`/admin/vendors/${vendorId}/suspend`, { reason: "Unpaid invoice" }, admin)
      const generated = suspended.headers["x-request-id"]
      expect(generated).toMatch(/^[0-9a-f-]{36}$/)
      expect(await one({ action: "vendor.suspended", target_id: vendorId })).toMatchObject({
        request_id: generated,
        before: { status: "active", status_reason: null },
        after: { status: "suspended", status_reason: "Unpaid invoice" },
      })
      await api.post(`/admin/vendors/${vendorId}/reinstate`, {}, admin)
      expect(await one({ action: "vendor.reinstated", target_id: vendorId })).toMatchObject({
        before: { status: "suspended" },
        after: { status: "active" },
      })

      // An operator edit: only the changed fields.
      await api.post(`/admin/vendors/${vendorId}`, { name: "Acme Audit GmbH" }, admin)
      expect(await one({ action: "vendor.updated", target_id: vendorId })).toMatchObject({
        actor_type: "user",
        before: { name: "Acme Audit" },
        after: { name: "Acme Audit GmbH" },
      })

      // The owner invites someone; the invite is accepted with a registration token.
      const { data: inv } = await api.post("/vendor/invites", { email: "clerk@acme-audit.example", role: "catalog" }, acme.headers)
      const created = await one({ action: "vendor_invite.created", target_id: inv.invite.id })
      expect(created).toMatchObject({
        actor_type: "vendor_member",
        actor_id: ownerId,
        vendor_id: vendorId,
        target_type: "vendor_invite",
        before: null,
      })
      expect(created.after).toMatchObject({ email: "clerk@acme-audit.example", role: "catalog" })
      expect(JSON.stringify(created)).not.toContain(inv.token) // the token never reaches the log

      const reg = await api.post("/auth/vendor/emailpass/register", { email: "clerk@acme-audit.example", password: "clerk-password-1" })
      const { data: joined } = await api.post("/vendor/invites/accept", { token: inv.token }, bearer(reg.data.token))
      const clerkId = joined.member.id
      expect(await one({ action: "vendor_invite.accepted", target_id: inv.invite.id })).toMatchObject({
        actor_type: "vendor_member",
        actor_id: clerkId,
        vendor_id: vendorId,
        before: { accepted: false },
        after: { accepted: true, member_id: clerkId, role: "catalog" },
      })

      // The catalog role may not read the audit log.
      const clerk = bearer(
        (await api.post("/auth/vendor/emailpass", { email: "clerk@acme-audit.example", password: "clerk-password-1" })).data.token
      )
      expect((await api.get("/vendor/audit-log", { ...clerk, ...noThrow })).status).toBe(403)

      // Role change and removal.
      await api.post(`/vendor/members/${clerkId}`, { role: "finance" }, acme.headers)
      expect(await one({ action: "vendor_member.role_changed", target_id: clerkId })).toMatchObject({
        actor_type: "vendor_member",
        actor_id: ownerId,
        vendor_id: vendorId,
        before: { role: "catalog" },
        after: { role: "finance" },
      })
      // The last owner cannot be demoted (409): nothing recorded.
      const demote = await api.post(`/vendor/members/${ownerId}`, { role: "admin" }, { ...acme.headers, ...noThrow })
      expect(demote.status).toBe(409)
      expect(await entries({ target_id: ownerId })).toHaveLength(0)
      await api.delete(`/vendor/members/${clerkId}`, acme.headers)
      const removed = await one({ action: "vendor_member.removed", target_id: clerkId })
      expect(removed).toMatchObject({ actor_id: ownerId, vendor_id: vendorId, after: null })
      expect(removed.before).toMatchObject({ email: "clerk@acme-audit.example", role: "finance" })

      // The vendor reads its own trail; another vendor never sees it, whatever it asks.
      const own = (await api.get("/vendor/audit-log?limit=100", acme.headers)).data
      expect(own.audit_entries).toHaveLength(9)
      expect(own.audit_entries.every((e: any) => e.vendor_id === vendorId)).toBe(true)
      expect(own.audit_entries.map((e: any) => e.action)).toEqual(
        expect.arrayContaining(["vendor.created", "vendor.approved", "vendor_invite.accepted", "vendor_member.removed"])
      )
      // The vendor sees its own members' IPs, not the operator's.
      expect(own.audit_entries.find((e: any) => e.action === "vendor.approved").ip).toBeNull()
      expect(own.audit_entries.find((e: any) => e.action === "vendor_invite.created").ip).toBeTruthy()
      const times = own.audit_entries.map((e: any) => Date.parse(e.created_at))
      expect([...times].sort((a, b) => b - a)).toEqual(times) // newest first

      const oak = await login("oakline-furniture")
      const theirs = (await api.get("/vendor/audit-log?limit=100", oak)).data.audit_entries
      expect(theirs.some((e: any) => e.vendor_id === vendorId || e.target_id === vendorId)).toBe(false)
      expect((await api.get(`/vendor/audit-log?target_id=${vendorId}`, oak)).data.count).toBe(0)
      expect((await api.get(`/vendor/audit-log?vendor_id=${vendorId}`, { ...oak, ...noThrow })).status).toBe(400)
      expect((await api.get(`/vendor/audit-log?actor_id=${ownerId}`, oak)).data.count).toBe(0)

      // The operator deletes the pending demo vendor: its profile before, deleted_at after.
      const pending = (await api.get("/admin/vendors?status=pending", admin)).data.vendors[0]
      await api.delete(`/admin/vendors/${pending.id}`, admin)
      const deleted = await one({ action: "vendor.deleted", target_id: pending.id })
      expect(deleted).toMatchObject({ actor_type: "user", actor_id: userId, vendor_id: pending.id, before: { deleted_at: null } })
      expect(deleted.after.deleted_at).toBeTruthy()
    })

    it("records commission rules, adjustments, payout accounts, payout runs (operator and schedule), mark-paid, mark-failed and retry", async () => {
      const admin = await adminHeaders()
      const userId = await adminUserId()
      const oakId = vendorOf("oakline-furniture").id
      const papyrusId = vendorOf("papyrus-supplies").id

      // Commission rules: a vendor-scoped rule concerns that vendor.
      const { data: rc } = await api.post(
        "/admin/commission-rules",
        { name: "Oakline 7%", rate_type: "percentage", value: 7, scope: { type: "vendor", id: oakId } },
        admin
      )
      const ruleId = rc.commission_rule.id
      const ruleCreated = await one({ action: "commission_rule.created", target_id: ruleId })
      expect(ruleCreated).toMatchObject({ actor_type: "user", actor_id: userId, vendor_id: oakId, before: null })
      expect(ruleCreated.after).toMatchObject({
        name: "Oakline 7%",
        rate_type: "percentage",
        value: 7,
        scope_type: "vendor",
        scope_id: oakId,
      })
      await api.post(`/admin/commission-rules/${ruleId}`, { value: 8 }, admin)
      expect(await one({ action: "commission_rule.updated", target_id: ruleId })).toMatchObject({
        before: { value: 7 },
        after: { value: 8 },
        vendor_id: oakId,
      })
      await api.delete(`/admin/commission-rules/${ruleId}`, admin)
      const ruleDeleted = await one({ action: "commission_rule.deleted", target_id: ruleId })
      expect(ruleDeleted).toMatchObject({ vendor_id: oakId, after: null })
      expect(ruleDeleted.before).toMatchObject({ value: 8 })
      const global = (
        await api.post(
          "/admin/commission-rules",
          { name: "Global 10%", rate_type: "percentage", value: 10, scope: { type: "global" } },
          admin
        )
      ).data.commission_rule
      expect(await one({ action: "commission_rule.created", target_id: global.id })).toMatchObject({ vendor_id: null })

      // A ledger adjustment (available at once, so the payout run below has money to pay).
      const { data: adj } = await api.post(
        `/admin/vendors/${oakId}/adjustments`,
        { amount: 40, currency_code: "eur", reason: "Goodwill credit" },
        admin
      )
      expect(await one({ action: "ledger.adjustment", target_id: adj.transaction.id })).toMatchObject({
        actor_type: "user",
        actor_id: userId,
        vendor_id: oakId,
        target_type: "vendor_transaction",
        before: null,
        after: { type: "adjustment", amount: 40, currency_code: "eur", note: "Goodwill credit" },
      })
      const zero = await api.post(
        `/admin/vendors/${oakId}/adjustments`,
        { amount: 0, currency_code: "eur", reason: "nothing" },
        { ...admin, ...noThrow }
      )
      expect(zero.status).toBe(400)
      expect(await entries({ action: "ledger.adjustment", vendor_id: oakId })).toHaveLength(1)
      // An adjustment sent twice with one idempotency key posts once and is recorded once.
      const keyed = { amount: 5, currency_code: "eur", reason: "Keyed credit", idempotency_key: "audit-replay-1" }
      const firstKeyed = (await api.post(`/admin/vendors/${oakId}/adjustments`, keyed, admin)).data.transaction
      const replayed = (await api.post(`/admin/vendors/${oakId}/adjustments`, keyed, admin)).data.transaction
      expect(replayed.id).toBe(firstKeyed.id)
      expect(await one({ action: "ledger.adjustment", target_id: firstKeyed.id })).toMatchObject({
        after: { amount: 5, note: "Keyed credit" },
      })
      expect(await entries({ action: "ledger.adjustment", vendor_id: oakId })).toHaveLength(2)

      // The vendor changes its bank account: before and after show the account, never the full IBAN.
      const oak = await login("oakline-furniture")
      const oakMember = await memberId(oak)
      await api.post(
        "/vendor/payout-account",
        { provider: "manual", details: { account_holder: "Oakline GmbH", iban: "DE89 3704 0044 0532 0130 00" } },
        oak
      )
      const first = await one({ action: "payout_account.changed", vendor_id: oakId })
      expect(first).toMatchObject({ actor_type: "vendor_member", actor_id: oakMember, target_type: "payout_account", before: null })
      expect(first.after).toMatchObject({
        provider: "manual",
        status: "active",
        is_default: true,
        account_holder: "Oakline GmbH",
        iban_last4: "3000",
      })

      // An operator's payout run, then the scheduled one (actor: system).
      const { data: runRes } = await api.post("/admin/payout-runs", {}, admin)
      const run = runRes.payout_run
      const runEntry = await one({ action: "payout_run.started", target_id: run.id })
      expect(runEntry).toMatchObject({ actor_type: "user", actor_id: userId, target_type: "payout_run", before: null })
      expect(runEntry.after).toMatchObject({ trigger: "operator", status: "completed", payout_count: run.payouts.length })
      await runScheduledPayouts(getContainer())
      const scheduled = await entries({ action: "payout_run.started", actor_type: "system" })
      expect(scheduled).toHaveLength(1)
      expect(scheduled[0]).toMatchObject({ actor_id: null, after: { trigger: "schedule" } })

      // Oakline's manual payout: mark failed, retry, mark paid.
      const payout = run.payouts.find((p: any) => p.vendor_id === oakId)
      expect(payout).toBeTruthy()
      await api.post(`/admin/payouts/${payout.id}/mark-failed`, { reason: "IBAN closed" }, admin)
      const failed = await one({ action: "payout.marked_failed", target_id: payout.id })
      expect(failed).toMatchObject({ actor_type: "user", vendor_id: oakId, target_type: "payout" })
      expect(failed.before).toMatchObject({ status: payout.status, amount: payout.amount, currency_code: "eur" })
      expect(failed.after).toMatchObject({ status: "failed", failure_reason: "IBAN closed" })
      // Marking a failed payout paid is refused (409): no entry.
      const refused = await api.post(`/admin/payouts/${payout.id}/mark-paid`, { reference: "BANK-1" }, { ...admin, ...noThrow })
      expect(refused.status).toBe(409)
      expect(await entries({ action: "payout.marked_paid", target_id: payout.id })).toHaveLength(0)

      await api.post(`/admin/payouts/${payout.id}/retry`, {}, admin)
      const retried = await one({ action: "payout.retried", target_id: payout.id })
      expect(retried.before).toMatchObject({ status: "failed", attempt: 1 })
      expect(retried.after).toMatchObject({ attempt: 2 })
      await api.post(`/admin/payouts/${payout.id}/mark-paid`, { reference: "BANK-2" }, admin)
      expect(await one({ action: "payout.marked_paid", target_id: payout.id })).toMatchObject({
        vendor_id: oakId,
        after: { status: "paid", reference: "BANK-2" },
      })

      // Then the vendor changes its bank account (after the run: a changed account may be held
      // before it receives payouts): the entry shows the account, never the full IBAN.
      await api.post(
        "/vendor/payout-account",
        { provider: "manual", details: { account_holder: "Oakline Holding", iban: "GB82 WEST 1234 5698 7654 32" } },
        oak
      )
      const changes = await entries({ action: "payout_account.changed", vendor_id: oakId })
      expect(changes).toHaveLength(2)
      const account = changes[0]
      expect(account).toMatchObject({
        actor_type: "vendor_member",
        actor_id: oakMember,
        target_type: "payout_account",
        target_id: first.target_id,
        before: { provider: "manual", account_holder: "Oakline GmbH", iban_last4: "3000" },
        after: { provider: "manual", account_holder: "Oakline Holding", iban_last4: "5432" },
      })
      // Only what changed (and the provider, for context).
      expect(Object.keys(account.before)).not.toContain("status")
      expect(JSON.stringify(account)).not.toContain("GB82WEST12345698765432")

      // Filters: by actor, by vendor, by time, by several actions; limit at most 100.
      const mine = await entries({ actor_type: "vendor_member", actor_id: oakMember })
      expect(mine.map((e) => e.action)).toEqual(["payout_account.changed", "payout_account.changed"])
      const forOak = await entries({ vendor_id: oakId, "action[]": "payout.marked_paid" })
      expect(forOak).toHaveLength(1)
      const { data: both } = await api.get(
        `/admin/audit-log?action[]=payout.marked_paid&action[]=payout.marked_failed&vendor_id=${oakId}`,
        admin
      )
      expect(both.audit_entries.map((e: any) => e.action)).toEqual(["payout.marked_paid", "payout.marked_failed"])
      const future = new Date(Date.now() + 60_000).toISOString()
      expect((await api.get(`/admin/audit-log?created_at[$gte]=${future}`, admin)).data.count).toBe(0)
      expect((await api.get(`/admin/audit-log?created_at[$lte]=${future}&vendor_id=${oakId}`, admin)).data.count).toBeGreaterThanOrEqual(7)
      expect((await api.get("/admin/audit-log?limit=101", { ...admin, ...noThrow })).status).toBe(400)
      expect((await api.get("/admin/audit-log?actor_type=robot", { ...admin, ...noThrow })).status).toBe(400)
      const { data: page } = await api.get(`/admin/audit-log?vendor_id=${oakId}&limit=2&offset=1`, admin)
      expect(page).toMatchObject({ offset: 1, limit: 2 })
      expect(page.audit_entries).toHaveLength(2)
      expect(page.count).toBeGreaterThanOrEqual(7)

      // Papyrus sees none of Oakline's money entries.
      const papyrus = await login("papyrus-supplies")
      const papyrusLog = (await api.get("/vendor/audit-log?limit=100", papyrus)).data.audit_entries
      expect(papyrusLog.every((e: any) => e.vendor_id === papyrusId)).toBe(true)
      expect(papyrusLog.some((e: any) => e.target_id === payout.id || e.target_id === ruleId)).toBe(false)

      // CSV: the admin's whole filtered trail, and the vendor's own, spreadsheet-safe.
      const csv = await api.get(`/admin/audit-log?format=csv&vendor_id=${oakId}`, admin)
      expect(csv.headers["content-type"]).toMatch(/text\/csv/)
      const lines = csv.data.trim().split("\r\n")
      expect(lines[0]).toBe("id,created_at,actor_type,actor_id,vendor_id,action,target_type,target_id,before,after,request_id,ip")
      expect(lines).toHaveLength(1 + page.count)
      expect(lines.some((l: string) => l.includes(",payout.marked_paid,payout,") && l.includes('""reference"":""BANK-2""'))).toBe(true)
      const vendorCsv = await api.get("/vendor/audit-log?format=csv", oak)
      const vendorLines = vendorCsv.data.trim().split("\r\n").slice(1)
      expect(vendorLines.length).toBeGreaterThan(0)
      expect(vendorLines.every((l: string) => l.split(",")[4] === oakId)).toBe(true)
    })

    it("records refunds: the operator's refund, a vendor's return and a rejection; a refused refund records nothing", async () => {
      const admin = await adminHeaders()
      const eur = basics().regions.find((r) => r.currency_code === "eur")!
      const product = (handle: string) => catalog().products.find((p) => p.handle === handle)!
      const cart = await readyCart(api, storeHeaders(), {
        region_id: eur.id,
        email: "buyer@audit.example",
        lines: [
          { variant_id: product("paper-a4-500").variant_id, quantity: 5 },
          { variant_id: product("desk-lamp").variant_id, quantity: 1 },
        ],
      })
      const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders())
      await capturedOrder(api, admin, data.order.id)
      const vo = await vendorOrdersByHandle(api, admin, data.order.id)
      const paper = vo["papyrus-supplies"]
      const lamp = vo["lumen-office-lighting"]
      const userId = await adminUserId()

      // The operator's refund; one that is too large is refused with nothing recorded.
      const tooMuch = await api.post(
        `/admin/vendor-orders/${paper.id}/refunds`,
        { amount: 1000, note: "too much" },
        { ...admin, ...noThrow }
      )
      expect(tooMuch.status).toBe(400)
      expect(await entries({ action: "refund.created", target_id: paper.id })).toHaveLength(0)
      await api.post(`/admin/vendor-orders/${paper.id}/refunds`, { amount: 2, note: "Dented box" }, admin)
      expect(await one({ action: "refund.created", target_id: paper.id })).toMatchObject({
        actor_type: "user",
        actor_id: userId,
        vendor_id: paper.vendor.id,
        target_type: "vendor_order",
        before: { refunded_total: 0 },
        after: { refunded_total: 2, amount: 2, reason: "operator", note: "Dented box" },
      })

      // The vendor receives a return of 1 ream (6.45).
      const papyrus = await login("papyrus-supplies")
      const papyrusMember = await memberId(papyrus)
      await deliverVendorOrder(api, papyrus, paper.id)
      await api.post(`/vendor/orders/${paper.id}/returns`, { items: [{ id: paper.items[0].id, quantity: 1 }] }, papyrus)
      const returned = (await entries({ action: "refund.created", target_id: paper.id }))[0]
      expect(returned).toMatchObject({
        actor_type: "vendor_member",
        actor_id: papyrusMember,
        vendor_id: paper.vendor.id,
        before: { refunded_total: 2 },
        after: { refunded_total: 8.45, amount: 6.45, reason: "return" },
      })

      // Lumen rejects its part: its whole share is refunded.
      const lumen = await login("lumen-office-lighting")
      await api.post(`/vendor/orders/${lamp.id}/reject`, { reason: "No stock" }, lumen)
      const rejected = await one({ action: "refund.created", target_id: lamp.id })
      expect(rejected).toMatchObject({
        actor_type: "vendor_member",
        vendor_id: lamp.vendor.id,
        before: { refunded_total: 0 },
        after: { reason: "reject" },
      })
      expect(rejected.after.amount).toBeGreaterThan(0)
      // Rejecting again: 409, nothing recorded.
      expect((await api.post(`/vendor/orders/${lamp.id}/reject`, { reason: "again" }, { ...lumen, ...noThrow })).status).toBe(409)
      expect(await entries({ action: "refund.created", target_id: lamp.id })).toHaveLength(1)

      // A refund made in Medusa Admin is attributed to the vendor orders by a subscriber: actor system.
      const { data: o } = await api.get(`/admin/orders/${data.order.id}?fields=payment_collections.payments.id`, admin)
      await api.post(`/admin/payments/${o.order.payment_collections[0].payments[0].id}/refund`, { amount: 1 }, admin)
      let external: any[] = []
      for (let i = 0; i < 50 && !external.length; i++) {
        if (i) await new Promise((r) => setTimeout(r, 100))
        external = await entries({ action: "refund.created", actor_type: "system" })
      }
      expect(external).toHaveLength(1)
      expect(external[0]).toMatchObject({
        actor_id: null,
        vendor_id: paper.vendor.id,
        target_id: paper.id,
        before: { refunded_total: 8.45 },
        after: { refunded_total: 9.45, amount: 1, reason: "external" },
      })

      // Each vendor sees its own refunds only.
      const lumenLog = (await api.get("/vendor/audit-log?action=refund.created", lumen)).data.audit_entries
      expect(lumenLog.map((e: any) => e.target_id)).toEqual([lamp.id])
    })

    it("records a payout run that fails half-way, by whoever started it, and no payout_run.started", async () => {
      const admin = await adminHeaders()
      const oakId = vendorOf("oakline-furniture").id
      await api.post(`/admin/vendors/${oakId}/adjustments`, { amount: 25, currency_code: "eur", reason: "Credit" }, admin)
      await api.post(
        "/vendor/payout-account",
        { provider: "manual", details: { account_holder: "Oakline GmbH", iban: "DE89 3704 0044 0532 0130 00" } },
        await login("oakline-furniture")
      )
      // Closing the run fails after the payout was handed over: the run is compensated to failed.
      const drop = await injectFault(dbConnection, "payout_run", "UPDATE", "NEW.status = 'completed'")
      let res: any
      try {
        res = await api.post("/admin/payout-runs", {}, { ...withRequestId(admin, "req-audit-run-failed"), ...noThrow })
      } finally {
        await drop()
      }
      expect(res.status).toBe(500)
      const { rows: runs } = await dbConnection.raw(`select id, status from payout_run`)
      expect(runs.map((r: any) => r.status)).toEqual(["failed"])
      expect(await one({ action: "payout_run.failed", target_id: runs[0].id })).toMatchObject({
        actor_type: "user",
        actor_id: await adminUserId(),
        target_type: "payout_run",
        request_id: "req-audit-run-failed",
        before: { status: "running" },
        after: { status: "failed", error: "The run stopped before it finished" },
      })
      expect(await entries({ action: "payout_run.started" })).toHaveLength(0)
    })

    it("records Stripe webhooks that change an account or a payout (actor: system), once: replays record nothing", async () => {
      const admin = await adminHeaders()
      const lumenId = vendorOf("lumen-office-lighting").id
      const lumen = await login("lumen-office-lighting")
      const { acct, account_id, activated } = await connectStripeAccount(api, stripe, lumen)
      expect(activated.data.changed).toBe(true)
      const synced = await one({ action: "payout_account.synced", target_id: account_id })
      expect(synced).toMatchObject({
        actor_type: "system",
        actor_id: null,
        vendor_id: lumenId,
        before: { status: "pending" },
        after: { status: "active" },
      })
      expect(synced.request_id).toBeTruthy()
      // The same state again changes nothing the trail keeps.
      await sendStripeWebhook(api, { type: "account.updated", data: { object: stripe.accounts.get(acct) } })
      expect(await entries({ action: "payout_account.synced", target_id: account_id })).toHaveLength(1)

      // A Stripe payout, then Stripe reverses the transfer.
      await api.post(`/admin/vendors/${lumenId}/adjustments`, { amount: 30, currency_code: "eur", reason: "Credit" }, admin)
      const [payout] = (await api.post("/admin/payout-runs", {}, admin)).data.payout_run.payouts
      expect(payout).toMatchObject({ vendor_id: lumenId, status: "paid" })
      const transfer = stripe.transfers.get(payout.reference)
      const reversed = { type: "transfer.reversed", data: { object: { ...transfer, reversed: true, amount_reversed: transfer.amount } } }
      for (const changed of [true, false]) expect((await sendStripeWebhook(api, reversed)).data.changed).toBe(changed)
      expect(await one({ action: "payout.reversed", target_id: payout.id })).toMatchObject({
        actor_type: "system",
        vendor_id: lumenId,
        target_type: "payout",
        before: { status: "paid", amount: 30 },
        after: { status: "failed", failure_code: "transfer_reversed", amount: 30 },
      })

      // The bank refuses a payout of the connected account: the account is restricted, once.
      const bankFailed = {
        type: "payout.failed",
        account: acct,
        data: { object: { id: "po_1", object: "payout", failure_message: "Account closed" } },
      }
      for (let i = 0; i < 2; i++) await sendStripeWebhook(api, bankFailed)
      expect(await one({ action: "payout_account.restricted", target_id: account_id })).toMatchObject({
        actor_type: "system",
        vendor_id: lumenId,
        before: { status: "active", status_reason: null },
        after: { status: "restricted", status_reason: "The bank refused a payout: Account closed" },
      })
    })

    it("is append-only in PostgreSQL: UPDATE and DELETE of an entry are refused", async () => {
      const admin = await adminHeaders()
      await api.post(
        `/admin/vendors/${vendorOf("oakline-furniture").id}/adjustments`,
        { amount: 1, currency_code: "eur", reason: "Append-only check" },
        admin
      )
      const { rows } = await dbConnection.raw("select count(*)::int as n from audit_entry")
      expect(rows[0].n).toBeGreaterThan(0)
      await expect(dbConnection.raw("update audit_entry set action = 'forged'")).rejects.toThrow(/append-only/)
      await expect(dbConnection.raw("delete from audit_entry")).rejects.toThrow(/append-only/)
      await expect(dbConnection.raw("update audit_entry set deleted_at = now()")).rejects.toThrow(/append-only/)
      const after = await dbConnection.raw("select count(*)::int as n from audit_entry where action = 'forged' or deleted_at is not null")
      expect(after.rows[0].n).toBe(0)
    })
  },
})
