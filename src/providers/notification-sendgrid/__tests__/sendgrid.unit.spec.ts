import sendgridSingleton from "@sendgrid/mail"
import SendgridNotificationProvider from "../service"
import { startFakeSendgrid, type FakeSendgrid } from "../../../../integration-tests/helpers/fake-sendgrid"

/** The provider against the fake SendGrid through the real SDK, without an app (the HTTP spec covers the wiring). */
describe("SendGrid notification provider", () => {
  let fake: FakeSendgrid
  let provider: SendgridNotificationProvider
  beforeAll(async () => {
    fake = await startFakeSendgrid()
    provider = new SendgridNotificationProvider({}, { api_key: "SG.unit", from: "Shop <shop@example.com>", api_base: fake.url })
  })
  afterAll(() => fake.close())
  beforeEach(() => fake.reset())

  it("refuses bad options with one clear message", () => {
    expect(() => SendgridNotificationProvider.validateOptions({ from: "nobody", api_base: "ftp://x" })).toThrow(
      "Invalid SendGrid notification options: api_key is required (env SENDGRID_API_KEY); from must be an e-mail address (env SENDGRID_FROM); api_base must be an http(s) URL (env SENDGRID_API_BASE)"
    )
  })

  it("sends the rendered subject, text and HTML and returns the message id", async () => {
    const res = await provider.send({
      to: "buyer@example.com",
      channel: "email",
      template: "back-in-stock",
      data: {
        product_title: "Kettle <XL>",
        product_url: "https://shop.example.com/p/kettle",
        unsubscribe_url: "https://shop.example.com/u?t=1",
      },
    })
    const [mail] = fake.sent
    expect(res).toEqual({ id: mail.messageId })
    expect(mail).toMatchObject({
      to: "buyer@example.com",
      from: "shop@example.com",
      subject: "Kettle <XL> is back in stock",
      authorization: "Bearer SG.unit",
    })
    expect(mail.text).toContain("Good news: Kettle <XL> can be ordered again")
    expect(mail.text).toContain("Unsubscribe: https://shop.example.com/u?t=1")
    expect(mail.html).toContain("Kettle &lt;XL&gt;")
    expect(mail.body.custom_args).toEqual({ template: "back-in-stock" })
    expect(mail.body.headers).toEqual({
      "List-Unsubscribe": "<https://shop.example.com/u?t=1>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    })
    // Its own MailService: the module singleton still points at SendGrid.
    expect((sendgridSingleton as unknown as { client: { defaultRequest: { baseUrl: string } } }).client.defaultRequest.baseUrl).toBe(
      "https://api.sendgrid.com/"
    )
  })

  it("security mail carries no unsubscribe link or header, even when data has one", async () => {
    await provider.send({
      to: "a@example.com",
      channel: "email",
      template: "otp-code",
      data: { code: "123456", unsubscribe_url: "https://shop.example.com/u?t=1" },
    })
    expect(fake.sent[0].body.headers).toBeUndefined()
    expect(fake.sent[0].text).not.toContain("Unsubscribe")
  })

  it("explicit content and sender win over the rendered parts", async () => {
    await provider.send({
      to: "a@example.com",
      from: "other@example.com",
      channel: "email",
      template: "unknown-template",
      data: { x: 1 },
      content: { subject: "Hello", text: "Plain" },
    })
    expect(fake.sent[0]).toMatchObject({ from: "other@example.com", subject: "Hello", text: "Plain" })
    expect(fake.sent[0].html).toMatch(/<td>x<\/td>\s*<td>1<\/td>/)
  })

  it("a SendGrid error becomes a MedusaError that names the status and SendGrid's message", async () => {
    fake.failNext(1)
    await expect(provider.send({ to: "a@example.com", channel: "email", template: "otp-code", data: { code: "1" } })).rejects.toThrow(
      "SendGrid did not accept the e-mail (otp-code): HTTP 500: Internal server error (fake)"
    )
    expect(fake.sent).toHaveLength(0)
  })
})
