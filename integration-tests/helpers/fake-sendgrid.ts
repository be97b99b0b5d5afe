import http from "node:http"
import crypto from "node:crypto"
import type { AddressInfo } from "node:net"
import { freePortSync } from "./fake-stripe"

/**
 * A small SendGrid v3 stand-in for tests: the real `@sendgrid/mail` SDK
 * (in src/providers/notification-sendgrid) sends to it when
 * SENDGRID_API_BASE points here. It implements POST /v3/mail/send: it
 * records the JSON body and the Authorization header and answers 202 with
 * an `x-message-id`, as SendGrid does. `failNext(n)` makes the next n sends
 * answer 500 with SendGrid's error JSON (nothing recorded as sent).
 */
export type SentMail = {
  /** The first personalization's first recipient, for convenience. */
  to: string
  from: string
  subject: string
  text: string
  html: string
  messageId: string
  authorization: string
  body: any
}

export type FakeSendgrid = {
  url: string
  port: number
  /** Accepted e-mails, oldest first. */
  sent: SentMail[]
  /** Every request, accepted or not. */
  requests: { method: string; path: string; status: number }[]
  failNext: (count: number) => void
  /** Waits until an accepted e-mail matches (default 10 s). */
  waitForMail: (match: (m: SentMail) => boolean, timeoutMs?: number) => Promise<SentMail>
  reset: () => void
  close: () => Promise<void>
}

const address = (a: any): string => (typeof a === "string" ? a : (a?.email ?? ""))

export async function startFakeSendgrid(port?: number): Promise<FakeSendgrid> {
  const sent: SentMail[] = []
  const requests: FakeSendgrid["requests"] = []
  let failures = 0

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0]
      const answer = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        requests.push({ method: req.method ?? "", path, status })
        res.writeHead(status, { "content-type": "application/json", ...headers })
        res.end(body === undefined ? "" : JSON.stringify(body))
      }
      if (req.method !== "POST" || path !== "/v3/mail/send") return answer(404, { errors: [{ message: "not found" }] })
      const authorization = String(req.headers.authorization ?? "")
      if (!authorization.startsWith("Bearer "))
        return answer(401, { errors: [{ message: "The provided authorization grant is invalid." }] })
      if (failures > 0) {
        failures--
        return answer(500, { errors: [{ message: "Internal server error (fake)", field: null, help: null }] })
      }
      let body: any
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"))
      } catch {
        return answer(400, { errors: [{ message: "Invalid JSON" }] })
      }
      const content: { type: string; value: string }[] = body.content ?? []
      const messageId = crypto.randomBytes(11).toString("base64url")
      sent.push({
        to: address(body.personalizations?.[0]?.to?.[0]),
        from: address(body.from),
        subject: body.subject ?? body.personalizations?.[0]?.subject ?? "",
        text: content.find((c) => c.type === "text/plain")?.value ?? "",
        html: content.find((c) => c.type === "text/html")?.value ?? "",
        messageId,
        authorization,
        body,
      })
      answer(202, undefined, { "x-message-id": messageId })
    })
  })
  await new Promise<void>((resolve) => server.listen(port ?? 0, "127.0.0.1", resolve))
  const actual = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    sent,
    requests,
    failNext: (count) => {
      failures = count
    },
    waitForMail: async (match, timeoutMs = 10_000) => {
      const until = Date.now() + timeoutMs
      for (;;) {
        const found = sent.find(match)
        if (found) return found
        if (Date.now() > until)
          throw new Error(`no matching e-mail reached the fake SendGrid; sent: ${JSON.stringify(sent.map((m) => [m.to, m.subject]))}`)
        await new Promise((r) => setTimeout(r, 50))
      }
    },
    reset: () => {
      sent.length = 0
      requests.length = 0
      failures = 0
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

export const FAKE_SENDGRID_KEY = "SG.lilium-test-key"
export const FAKE_SENDGRID_FROM = "Lilium Test <no-reply@lilium.test>"

/**
 * SendGrid for one test file, against the fake: call it at the top of the
 * file, before liliumIntegrationTestRunner (medusa-config.ts reads
 * SENDGRID_* when the runner loads it, before the runner's `env` applies).
 * The fake starts before the file's tests and forgets everything before
 * each test.
 */
export function useFakeSendgrid(): FakeSendgrid {
  const port = freePortSync()
  const env: Record<string, string> = {
    SENDGRID_API_KEY: FAKE_SENDGRID_KEY,
    SENDGRID_FROM: FAKE_SENDGRID_FROM,
    SENDGRID_API_BASE: `http://127.0.0.1:${port}`,
  }
  Object.assign(process.env, env)
  let fake: FakeSendgrid | undefined
  beforeAll(async () => {
    fake = await startFakeSendgrid(port)
  })
  afterAll(async () => {
    for (const key of Object.keys(env)) delete process.env[key]
    await fake?.close()
  })
  beforeEach(() => fake!.reset())
  return new Proxy({} as FakeSendgrid, {
    get: (_, key) => {
      if (!fake) throw new Error("the fake SendGrid starts in beforeAll")
      return fake[key as keyof FakeSendgrid]
    },
  })
}
