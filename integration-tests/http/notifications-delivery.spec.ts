import { Modules } from "@medusajs/framework/utils"
import { liliumIntegrationTestRunner } from "../helpers/runner"
import { applyAsVendor, verifyOwnerEmail } from "../helpers/vendor"
import { waitFor } from "../helpers/poll"
import { FAKE_SENDGRID_KEY, useFakeSendgrid } from "../helpers/fake-sendgrid"
import { FAKE_TWILIO_ACCOUNT_SID, FAKE_TWILIO_AUTH_TOKEN, FAKE_TWILIO_FROM, useFakeTwilio } from "../helpers/fake-twilio"

// Both before the runner: medusa-config.ts picks the providers when it is loaded.
const sendgrid = useFakeSendgrid()
const twilio = useFakeTwilio()

/**
 * Issue 16, item 6: e-mail and SMS really leave through the real SDKs
 * (@sendgrid/mail, twilio) to local fakes, rendered by the project's
 * templates, and every message is a notification row with its status.
 */
liliumIntegrationTestRunner({
  withCatalog: false,
  testSuite: ({ api, adminHeaders, getContainer }) => {
    const notifications = () => getContainer().resolve(Modules.NOTIFICATION)
    const row = (to: string, template: string, done: (n: any) => boolean = (n) => n.status !== "pending") =>
      waitFor(
        async () => (await notifications().listNotifications({ to, template }))[0] as any,
        (n) => !!n && done(n)
      )

    it("the operator's approval and a member invite reach SendGrid rendered, and are success rows", async () => {
      const admin = await adminHeaders()
      const owner = await applyAsVendor(api, { name: "Alpha & Sons", email: "owner@alpha.example" })
      await verifyOwnerEmail(api, "owner@alpha.example")
      await api.post(`/admin/vendors/${owner.vendor.id}/approve`, {}, admin)

      const approved = await sendgrid.waitForMail((m) => m.to === "owner@alpha.example" && /approved/.test(m.subject))
      expect(approved.authorization).toBe(`Bearer ${FAKE_SENDGRID_KEY}`)
      expect(approved.body.from).toEqual({ email: "no-reply@lilium.test", name: "Lilium Test" })
      expect(approved.subject).toBe("Alpha & Sons is approved on Lilium")
      expect(approved.text).toContain("Good news: Alpha & Sons is approved.")
      expect(approved.html).toContain("Good news: Alpha &amp; Sons is approved.")
      expect(approved.html).not.toContain("Alpha & Sons")
      expect(approved.body.content.map((c: any) => c.type)).toEqual(["text/plain", "text/html"])

      const { data } = await api.post("/vendor/invites", { email: "fin@alpha.example", role: "finance" }, owner.headers)
      const invite = await sendgrid.waitForMail((m) => m.to === "fin@alpha.example")
      const acceptUrl = `/invite?token=${encodeURIComponent(data.token)}`
      expect(invite.subject).toBe("You are invited to join Alpha & Sons on Lilium")
      expect(invite.text).toContain(`Accept the invitation: `)
      expect(invite.text).toContain(acceptUrl)
      expect(invite.text).toContain("You have been invited to join Alpha & Sons as finance.")
      expect(invite.html).toContain(`${acceptUrl}"`)
      expect(invite.html).toContain("<strong>Alpha &amp; Sons</strong>")
      // Security mail: no unsubscribe link.
      expect(invite.text).not.toMatch(/unsubscribe/i)

      const sent = await row("fin@alpha.example", "vendor-invite")
      expect(sent).toMatchObject({ channel: "email", status: "success", external_id: invite.messageId })
      expect(sent.provider_id).toMatch(/sendgrid/)
      // Medusa's admin list shows it, with to, channel, template and data.
      const listed = await api.get(`/admin/notifications?to=fin@alpha.example&fields=+status,+external_id`, admin)
      expect(listed.data.notifications).toEqual([
        expect.objectContaining({
          to: "fin@alpha.example",
          channel: "email",
          template: "vendor-invite",
          status: "success",
          data: expect.objectContaining({ vendor_name: "Alpha & Sons", role: "finance" }),
        }),
      ])
    })

    it("a SendGrid 500 leaves a failure row (and a re-send by idempotency key does not fix it in Medusa 2.21.2)", async () => {
      const owner = await applyAsVendor(api, { name: "Beta", email: "owner@beta.example" })
      await verifyOwnerEmail(api, "owner@beta.example")
      await api.post(`/admin/vendors/${owner.vendor.id}/approve`, {}, await adminHeaders())
      await sendgrid.waitForMail((m) => m.to === "owner@beta.example" && /approved/.test(m.subject))
      sendgrid.failNext(1)
      await api.post("/vendor/invites", { email: "late@beta.example", role: "orders" }, owner.headers)
      const failed = await row("late@beta.example", "vendor-invite")
      expect(failed.status).toBe("failure")
      expect(sendgrid.requests.filter((r) => r.status === 500)).toHaveLength(1)
      expect(sendgrid.sent.filter((m) => m.to === "late@beta.example")).toHaveLength(0)

      // Medusa 2.21.2 re-sends a failed notification when its idempotency key
      // comes again, but then updates the row under a freshly generated id:
      // the e-mail goes out, the call throws and the row stays `failure`
      // (notification-module-service.js, createNotifications_). So a
      // retried subscriber sends again each time; this pins that behaviour.
      const again = await notifications()
        .createNotifications({
          to: failed.to,
          channel: "email",
          template: failed.template,
          data: failed.data,
          idempotency_key: failed.idempotency_key,
        })
        .then(
          () => null,
          (e: Error) => e
        )
      expect(again?.message).toMatch(/not found/)
      const resent = await sendgrid.waitForMail((m) => m.to === "late@beta.example")
      expect(resent.subject).toBe("You are invited to join Beta on Lilium")
      const rows = await notifications().listNotifications({ to: "late@beta.example" }, { select: ["id", "status"] })
      expect(rows.map((n: any) => n.status)).toEqual(["failure"])
    })

    it("an SMS on channel sms goes through Twilio with the code, and a Twilio 400 is a failure row", async () => {
      const [sms] = await notifications().createNotifications([
        { to: "+4915112345678", channel: "sms", template: "otp-code", data: { code: "123456", expires_in_minutes: 10 } },
      ])
      expect(twilio.sent).toHaveLength(1)
      const got = twilio.sent[0]
      expect(got).toMatchObject({
        accountSid: FAKE_TWILIO_ACCOUNT_SID,
        to: "+4915112345678",
        from: FAKE_TWILIO_FROM,
        messagingServiceSid: null,
      })
      expect(got.basicAuth).toBe(`${FAKE_TWILIO_ACCOUNT_SID}:${FAKE_TWILIO_AUTH_TOKEN}`)
      expect(got.body).toBe("123456 is your Lilium code. It expires in 10 minutes. Do not share it.")
      expect(sms).toMatchObject({ channel: "sms", status: "success", external_id: got.sid })
      expect(sms.provider_id).toMatch(/twilio/)
      expect(sendgrid.sent).toHaveLength(0)

      twilio.failNext(1)
      const refused = await notifications()
        .createNotifications({ to: "+49000", channel: "sms", template: "otp-code", data: { code: "654321", expires_in_minutes: 10 } })
        .then(
          () => null,
          (e: Error) => e
        )
      expect(refused?.message).toMatch(/Twilio did not accept the SMS \(otp-code\): HTTP 400, code 21211/)
      const [failed] = await notifications().listNotifications({ to: "+49000" }, { select: ["id", "status"] })
      expect(failed.status).toBe("failure")
    })

    it("bad requests to the fakes are refused as the real services refuse them", async () => {
      // Guards the fakes themselves: a wrong key or token is 401, so a passing test means the SDK authenticated.
      const mail = await fetch(`${sendgrid.url}/v3/mail/send`, { method: "POST", body: "{}" })
      expect(mail.status).toBe(401)
      const sms = await fetch(`${twilio.url}/2010-04-01/Accounts/${FAKE_TWILIO_ACCOUNT_SID}/Messages.json`, {
        method: "POST",
        headers: { authorization: `Basic ${Buffer.from(`${FAKE_TWILIO_ACCOUNT_SID}:wrong`).toString("base64")}` },
        body: new URLSearchParams({ To: "+1", From: "+1", Body: "x" }),
      })
      expect(sms.status).toBe(401)
    })
  },
})
