import http from "node:http"
import crypto from "node:crypto"
import type { AddressInfo } from "node:net"
import { freePortSync } from "./fake-stripe"

/**
 * A small Twilio REST stand-in for tests: the real `twilio` SDK (in
 * src/providers/notification-twilio) sends to it when TWILIO_API_BASE points
 * here. It implements POST /2010-04-01/Accounts/:sid/Messages.json
 * (form-encoded To, From or MessagingServiceSid, Body; HTTP Basic sid:token)
 * and answers 201 with the message JSON (sid SM…, status queued), as Twilio
 * does. A wrong account or token is 401. `failNext(n)` makes the next n
 * sends answer 400 with Twilio's error JSON (code 21211, invalid To).
 */
export type SentSms = {
  sid: string
  accountSid: string
  to: string
  from: string | null
  messagingServiceSid: string | null
  body: string
  /** The decoded Basic credentials, "sid:token". */
  basicAuth: string
  form: Record<string, string>
}

export type FakeTwilio = {
  url: string
  port: number
  accountSid: string
  authToken: string
  sent: SentSms[]
  requests: { method: string; path: string; status: number }[]
  failNext: (count: number) => void
  reset: () => void
  close: () => Promise<void>
}

export async function startFakeTwilio(opts: { port?: number; accountSid: string; authToken: string }): Promise<FakeTwilio> {
  const sent: SentSms[] = []
  const requests: FakeTwilio["requests"] = []
  let failures = 0

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0]
      const answer = (status: number, body: unknown) => {
        requests.push({ method: req.method ?? "", path, status })
        res.writeHead(status, { "content-type": "application/json" })
        res.end(JSON.stringify(body))
      }
      const error = (status: number, code: number, message: string) =>
        answer(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status })
      const m = path.match(/^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/)
      if (req.method !== "POST" || !m) return error(404, 20404, "The requested resource was not found")
      const header = String(req.headers.authorization ?? "")
      const basicAuth = header.startsWith("Basic ") ? Buffer.from(header.slice(6), "base64").toString("utf8") : ""
      if (basicAuth !== `${opts.accountSid}:${opts.authToken}` || m[1] !== opts.accountSid) return error(401, 20003, "Authenticate")
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")))
      if (failures > 0) {
        failures--
        return error(400, 21211, `The 'To' number ${form.To} is not a valid phone number.`)
      }
      if (!form.To || !form.Body || !(form.From || form.MessagingServiceSid))
        return error(400, 21604, "A 'To', 'Body' and 'From' are required.")
      const sid = `SM${crypto.randomBytes(16).toString("hex")}`
      sent.push({
        sid,
        accountSid: m[1],
        to: form.To,
        from: form.From ?? null,
        messagingServiceSid: form.MessagingServiceSid ?? null,
        body: form.Body,
        basicAuth,
        form,
      })
      const now = new Date().toUTCString()
      answer(201, {
        sid,
        account_sid: m[1],
        to: form.To,
        from: form.From ?? null,
        messaging_service_sid: form.MessagingServiceSid ?? null,
        body: form.Body,
        status: "queued",
        num_segments: "1",
        direction: "outbound-api",
        api_version: "2010-04-01",
        date_created: now,
        date_updated: now,
        date_sent: null,
        error_code: null,
        error_message: null,
        price: null,
        price_unit: "USD",
        uri: `/2010-04-01/Accounts/${m[1]}/Messages/${sid}.json`,
        subresource_uris: { media: `/2010-04-01/Accounts/${m[1]}/Messages/${sid}/Media.json` },
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve))
  const actual = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    accountSid: opts.accountSid,
    authToken: opts.authToken,
    sent,
    requests,
    failNext: (count) => {
      failures = count
    },
    reset: () => {
      sent.length = 0
      requests.length = 0
      failures = 0
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

export const FAKE_TWILIO_ACCOUNT_SID = "AC00000000000000000000000000000001"
export const FAKE_TWILIO_AUTH_TOKEN = "lilium-test-twilio-token"
export const FAKE_TWILIO_FROM = "+15005550006"

/**
 * Twilio SMS for one test file, against the fake: call it at the top of the
 * file, before liliumIntegrationTestRunner (medusa-config.ts reads TWILIO_*
 * when the runner loads it). The fake starts before the file's tests and
 * forgets everything before each test.
 */
export function useFakeTwilio(): FakeTwilio {
  const port = freePortSync()
  const env: Record<string, string> = {
    TWILIO_ACCOUNT_SID: FAKE_TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: FAKE_TWILIO_AUTH_TOKEN,
    TWILIO_FROM: FAKE_TWILIO_FROM,
    TWILIO_API_BASE: `http://127.0.0.1:${port}`,
  }
  Object.assign(process.env, env)
  let fake: FakeTwilio | undefined
  beforeAll(async () => {
    fake = await startFakeTwilio({ port, accountSid: FAKE_TWILIO_ACCOUNT_SID, authToken: FAKE_TWILIO_AUTH_TOKEN })
  })
  afterAll(async () => {
    for (const key of Object.keys(env)) delete process.env[key]
    await fake?.close()
  })
  beforeEach(() => fake!.reset())
  return new Proxy({} as FakeTwilio, {
    get: (_, key) => {
      if (!fake) throw new Error("the fake Twilio starts in beforeAll")
      return fake[key as keyof FakeTwilio]
    },
  })
}
