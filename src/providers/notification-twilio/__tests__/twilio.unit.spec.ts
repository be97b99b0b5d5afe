import TwilioNotificationProvider from "../service"
import { startFakeTwilio, type FakeTwilio } from "../../../../integration-tests/helpers/fake-twilio"

const SID = "AC00000000000000000000000000000009"

/** The provider against the fake Twilio through the real SDK, without an app (the HTTP spec covers the wiring). */
describe("Twilio notification provider", () => {
  let fake: FakeTwilio
  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: SID, authToken: "tok" })
  })
  afterAll(() => fake.close())
  beforeEach(() => fake.reset())
  const provider = (extra: Record<string, string> = {}) =>
    new TwilioNotificationProvider({}, { account_sid: SID, auth_token: "tok", api_base: fake.url, ...extra })

  it("refuses bad options with one clear message", () => {
    expect(() => TwilioNotificationProvider.validateOptions({ account_sid: "sk_x", auth_token: "" })).toThrow(
      "Invalid Twilio notification options: account_sid must be a Twilio account SID starting with AC (env TWILIO_ACCOUNT_SID); auth_token is required (env TWILIO_AUTH_TOKEN); from or messaging_service_sid is required (env TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID)"
    )
  })

  it("sends the template's SMS form from the number and returns the message SID", async () => {
    const res = await provider({ from: "+15005550006" }).send({
      to: "+4915112345678",
      channel: "sms",
      template: "otp-code",
      data: { code: "246810", expires_in_minutes: 10 },
    })
    expect(fake.sent).toEqual([
      expect.objectContaining({
        to: "+4915112345678",
        from: "+15005550006",
        messagingServiceSid: null,
        body: "246810 is your Lilium code. It expires in 10 minutes. Do not share it.",
        basicAuth: `${SID}:tok`,
      }),
    ])
    expect(res).toEqual({ id: fake.sent[0].sid })
    expect(res.id).toMatch(/^SM[0-9a-f]{32}$/)
  })

  it("uses the messaging service when there is one, and explicit content text", async () => {
    await provider({ messaging_service_sid: "MG123" }).send({
      to: "+4915100000000",
      channel: "sms",
      template: "otp-code",
      data: {},
      content: { text: "Custom" },
    })
    expect(fake.sent[0]).toMatchObject({ from: null, messagingServiceSid: "MG123", body: "Custom" })
  })

  it("a Twilio error becomes a MedusaError with the status and Twilio's code", async () => {
    fake.failNext(1)
    await expect(
      provider({ from: "+15005550006" }).send({ to: "+1", channel: "sms", template: "otp-code", data: { code: "1" } })
    ).rejects.toThrow("Twilio did not accept the SMS (otp-code): HTTP 400, code 21211, The 'To' number +1 is not a valid phone number.")
  })
})
