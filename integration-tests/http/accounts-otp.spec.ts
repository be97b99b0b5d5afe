import { liliumIntegrationTestRunner } from "../helpers/runner"
import { applyAsVendor, bearer } from "../helpers/vendor"
import { registerCustomer } from "../helpers/store"
import { noThrow, waitFor } from "../helpers/poll"
import { faultHits, injectFault } from "../helpers/db-fault"
import { OTP_MAX_ATTEMPTS } from "../../src/lib/one-time-code"

/**
 * One-time code sign-in (issue 16 item 3, decision 57): POST
 * /auth/{customer|vendor}/otp/request sends a 6-digit code, Medusa's
 * POST /auth/{actor}/otp signs in with it through Lilium's otp provider.
 * Time is moved by ageing the stored code state (the auth module's own
 * update), never by faking the clock.
 */

const CUSTOMER = "otp-buyer@accounts.example"
const VENDOR = "otp-owner@accounts.example"

liliumIntegrationTestRunner({
  withCatalog: false,
  testSuite: ({ api, storeHeaders, getContainer, dbConnection, adminHeaders }) => {
    const auth = () => getContainer().resolve<any>("auth")
    const codeMails = (to: string) =>
      getContainer()
        .resolve<any>("notification")
        .listNotifications({ to, template: "otp-code" }, { order: { created_at: "ASC" } })

    /** Requests a code and returns it from the message that was sent (fails if none arrives). */
    async function requestCode(actor: "customer" | "vendor", identifier: string, to = identifier, channel?: "email" | "sms") {
      const before = (await codeMails(to)).length
      const res = await api.post(`/auth/${actor}/otp/request`, { identifier, ...(channel ? { channel } : {}) }, noThrow)
      expect(res.status).toBe(201)
      const mails = await waitFor(
        () => codeMails(to),
        (l: any[]) => l.length > before
      )
      expect(mails).toHaveLength(before + 1)
      const code = mails[mails.length - 1].data.code
      expect(code).toMatch(/^\d{6}$/)
      return { code: code as string, mail: mails[mails.length - 1] }
    }

    const signIn = (actor: "customer" | "vendor", identifier: string, code: string) =>
      api.post(`/auth/${actor}/otp`, { identifier, code }, noThrow)

    /** The stored code state of an address (the otp login's provider_metadata.otp). */
    async function otpLogin(identifier: string) {
      const [login] = await auth().listProviderIdentities({ entity_id: identifier, provider: "otp" })
      return login
    }
    /** Moves the stored code `seconds` into the past (issue time and expiry together). */
    async function age(identifier: string, seconds: number) {
      const login = await otpLogin(identifier)
      const otp = login.provider_metadata.otp
      const back = (iso: string) => new Date(Date.parse(iso) - seconds * 1000).toISOString()
      await auth().updateProviderIdentities({
        id: login.id,
        provider_metadata: {
          ...login.provider_metadata,
          otp: { ...otp, issued_at: back(otp.issued_at), expires_at: back(otp.expires_at) },
        },
      })
    }
    const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0")

    let customerToken: string
    beforeEach(async () => {
      ;({ token: customerToken } = await registerCustomer(api, storeHeaders(), CUSTOMER))
    })

    it("signs a customer in with an e-mailed code, once; the code is stored only as a digest", async () => {
      const started = process.hrtime.bigint()
      const { code, mail } = await requestCode("customer", CUSTOMER)
      const res = await signIn("customer", CUSTOMER, code)
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      console.log(`[otp] customer sign-in with a code, request → token: ${ms.toFixed(0)} ms`)
      expect(res.status).toBe(200)
      expect(mail.channel).toBe("email")
      expect(mail.data.expires_in_minutes).toBe(10)

      const me = await api.get("/store/customers/me", { headers: { ...storeHeaders().headers, authorization: `Bearer ${res.data.token}` } })
      expect(me.data.customer.email).toBe(CUSTOMER)
      // The code's login sits on the customer's own identity (the one the password signs in).
      const login = await otpLogin(CUSTOMER)
      const [password] = await auth().listProviderIdentities({ entity_id: CUSTOMER, provider: "emailpass" })
      expect(login.auth_identity_id).toBe(password.auth_identity_id)
      expect(JSON.stringify(login.provider_metadata)).not.toContain(code)
      // An operator reading the notification log sees the message, not the code (decision 66).
      const { data: log } = await api.get(`/admin/notifications?to=${encodeURIComponent(CUSTOMER)}`, await adminHeaders())
      expect(
        log.notifications
          .filter((n: any) => n.template === "otp-code")
          .map((n: any) => [n.template, n.data.code, n.data.expires_in_minutes])
      ).toEqual([["otp-code", "[redacted]", 10]])
      expect(JSON.stringify(log)).not.toContain(code)

      const again = await signIn("customer", CUSTOMER, code)
      expect(again.status).toBe(401)
      expect(again.data.message).toBe("The code is not valid. Request a new one.")
    })

    it("signs a vendor member in; a customer's code does not sign in the vendor actor of the same address", async () => {
      await applyAsVendor(api, { name: "Otp Co", email: VENDOR })
      const { code } = await requestCode("vendor", VENDOR)
      const res = await signIn("vendor", VENDOR, code)
      expect(res.status).toBe(200)
      const me = await api.get("/vendor/me", bearer(res.data.token))
      expect(me.data.member.email).toBe(VENDOR)

      // The customer's address also becomes a vendor member's (its password login, as actor vendor, applies):
      // a code asked for as customer is refused as vendor.
      const unregistered = await api.post("/auth/vendor/emailpass", { email: CUSTOMER, password: "customer-password-1" })
      const applied = await api.post(
        "/vendor/vendors",
        {
          name: "Buyer Also Sells",
          email: CUSTOMER,
          address: { address_1: "Werkstraße 1", city: "Köln", postal_code: "50667", country_code: "DE" },
          member: { email: CUSTOMER, first_name: "Erika", last_name: "Muster" },
        },
        { ...bearer(unregistered.data.token), ...noThrow }
      )
      expect(applied.status).toBe(200)
      const customerCode = (await requestCode("customer", CUSTOMER)).code
      expect((await signIn("vendor", CUSTOMER, customerCode)).status).toBe(401)
      expect((await signIn("customer", CUSTOMER, customerCode)).status).toBe(200)
    })

    it("answers the same for unknown addresses and wrong actors, and sends nothing for them", async () => {
      await applyAsVendor(api, { name: "Only Vendor", email: VENDOR })
      const unknown = await api.post("/auth/customer/otp/request", { identifier: "nobody@accounts.example" }, noThrow)
      // A vendor-only address asked as customer: the identity exists, the customer does not.
      const wrongActor = await api.post("/auth/customer/otp/request", { identifier: VENDOR }, noThrow)
      // The subscriber runs in order of emission; once the real one's code is out, the others have been handled.
      await requestCode("customer", CUSTOMER)
      for (const r of [unknown, wrongActor]) {
        expect(r.status).toBe(201)
        expect(r.data).toEqual("Created")
      }
      expect(await codeMails("nobody@accounts.example")).toHaveLength(0)
      expect(await codeMails(VENDOR)).toHaveLength(0)
      // And a sign-in attempt for an unknown address is the same 401 as a wrong code.
      const noAccount = await signIn("customer", "nobody@accounts.example", "123456")
      expect(noAccount.status).toBe(401)
      expect(noAccount.data.message).toBe("The code is not valid. Request a new one.")
    })

    it("kills a code after 5 wrong tries, also when they arrive at once, and expires it after 10 minutes", async () => {
      const { code } = await requestCode("customer", CUSTOMER)
      const tries = await Promise.all(Array.from({ length: 8 }, () => signIn("customer", CUSTOMER, wrong(code))))
      expect(tries.map((r) => r.status)).toEqual(Array(8).fill(401))
      // The lock serialised them: the attempts counter saw every one up to the limit, so the right code is dead.
      expect((await otpLogin(CUSTOMER)).provider_metadata.otp.attempts).toBeGreaterThanOrEqual(OTP_MAX_ATTEMPTS)
      expect((await signIn("customer", CUSTOMER, code)).status).toBe(401)

      // A new code after the resend wait works; 4 wrong tries still leave it alive.
      await age(CUSTOMER, 61)
      const second = (await requestCode("customer", CUSTOMER)).code
      for (let i = 0; i < OTP_MAX_ATTEMPTS - 1; i++) expect((await signIn("customer", CUSTOMER, wrong(second))).status).toBe(401)
      expect((await signIn("customer", CUSTOMER, second)).status).toBe(200)

      // Expiry: a code 10 minutes old no longer signs in (a used code leaves no resend wait).
      const third = (await requestCode("customer", CUSTOMER)).code
      await age(CUSTOMER, 10 * 60)
      expect((await signIn("customer", CUSTOMER, third)).status).toBe(401)
    })

    it("throttles resends: a second request within a minute sends nothing and the first code stays valid", async () => {
      const { code } = await requestCode("customer", CUSTOMER)
      expect((await api.post("/auth/customer/otp/request", { identifier: CUSTOMER }, noThrow)).status).toBe(201)
      // The code after it (another address) proves the throttled request has been handled.
      await applyAsVendor(api, { name: "Throttle Co", email: VENDOR })
      await requestCode("vendor", VENDOR)
      expect(await codeMails(CUSTOMER)).toHaveLength(1)
      expect((await signIn("customer", CUSTOMER, code)).status).toBe(200)
    })

    it("sends the code by SMS to the customer's phone", async () => {
      const phone = "+4915112345678"
      await api.post("/store/customers/me", { phone }, { headers: { ...storeHeaders().headers, authorization: `Bearer ${customerToken}` } })
      const { code, mail } = await requestCode("customer", CUSTOMER, phone, "sms")
      expect(mail.channel).toBe("sms")
      expect(await codeMails(CUSTOMER)).toHaveLength(0)
      expect((await signIn("customer", CUSTOMER, code)).status).toBe(200)
    })

    it("puts the previous state back when the code cannot be sent", async () => {
      const drop = await injectFault(dbConnection, "notification", "INSERT")
      const hitsBefore = await faultHits(dbConnection)
      try {
        expect((await api.post("/auth/customer/otp/request", { identifier: CUSTOMER }, noThrow)).status).toBe(201)
        await waitFor(
          () => faultHits(dbConnection),
          (n) => n > hitsBefore
        )
      } finally {
        await drop()
      }
      // Nothing is left of the failed code (no login with a digest), so there is no resend wait either.
      await waitFor(otpLogin.bind(null, CUSTOMER), (l) => !l)
      expect(await otpLogin(CUSTOMER)).toBeUndefined()
      const { code } = await requestCode("customer", CUSTOMER)
      expect((await signIn("customer", CUSTOMER, code)).status).toBe(200)
    })

    it("refuses bad input with 400 and operators with a clear message", async () => {
      const bad = [
        ["/auth/customer/otp/request", {}],
        ["/auth/customer/otp/request", { identifier: "not-an-email" }],
        ["/auth/customer/otp/request", { identifier: CUSTOMER, channel: "fax" }],
        ["/auth/customer/otp/request", { identifier: CUSTOMER, extra: 1 }],
        ["/auth/customer/otp", { identifier: CUSTOMER, code: "12ab56" }],
        ["/auth/customer/otp", { identifier: CUSTOMER }],
        ["/auth/vendor/otp", { identifier: CUSTOMER, code: 123456 }],
      ] as const
      for (const [path, body] of bad) {
        const res = await api.post(path, body, noThrow)
        expect([path, res.status]).toEqual([path, 400])
        expect(res.data.message).toEqual(expect.any(String))
      }
      const user = await api.post("/auth/user/otp/request", { identifier: CUSTOMER }, noThrow)
      expect(user.status).toBe(400)
      expect(user.data.message).toBe("Sign-in codes are for customer and vendor accounts.")
      expect((await api.post("/auth/user/otp", { identifier: CUSTOMER, code: "123456" }, noThrow)).status).toBe(400)
      expect(await otpLogin(CUSTOMER)).toBeUndefined()
    })
  },
})
