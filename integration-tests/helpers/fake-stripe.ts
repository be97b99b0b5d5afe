import Stripe from "stripe"
import http from "node:http"
import crypto from "node:crypto"
import type { AddressInfo } from "node:net"

/**
 * A small Stripe API stand-in for tests: the real `stripe` SDK talks to it
 * over HTTP (`new Stripe(key, fakeStripe.sdkConfig())`). It implements the
 * endpoints Lilium's payouts use:
 * - POST /v1/accounts, GET|POST /v1/accounts/:id (Express connected accounts)
 * - POST /v1/account_links (onboarding links)
 * - POST /v1/transfers, GET /v1/transfers/:id, GET /v1/transfers
 * Idempotency-Key works as in Stripe: the same key returns the first
 * response and creates nothing new. `failNextTransfers(n, code, mode)`
 * makes the next n transfer attempts fail:
 * - "decline": a 400 with `code`, as Stripe answers a refused transfer (and,
 *   like Stripe, remembered under the request's idempotency key);
 * - "server_error": a 500, nothing created, not remembered (Stripe lets such
 *   a request be retried with the same key);
 * - "drop_after_create": the transfer is created and remembered, then the
 *   connection is cut before the answer (the client cannot know it worked).
 *   Each cut answer counts, replays included: the SDK retries a reset
 *   connection once by itself, with the same key.
 * `transfersCreated` counts the transfers that really exist.
 */
export type FailureMode = "decline" | "server_error" | "drop_after_create"

export type FakeStripe = {
  url: string
  port: number
  sdkConfig: () => { host: string; port: number; protocol: "http"; maxNetworkRetries: number }
  accounts: Map<string, any>
  transfers: Map<string, any>
  transfersCreated: () => number
  requests: { method: string; path: string; idempotencyKey?: string }[]
  failNextTransfers: (count: number, code?: string, mode?: FailureMode) => void
  setAccount: (id: string, patch: Record<string, unknown>) => any
  /** Forgets everything (accounts, transfers, keys, requests, failures). */
  reset: () => void
  close: () => Promise<void>
}

/** Stripe's form encoding (a[b][0]=c) back into objects and arrays. */
export function parseStripeForm(body: string): Record<string, any> {
  const out: Record<string, any> = {}
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const keys = rawKey.replace(/\]/g, "").split("[")
    let node: any = out
    keys.forEach((key, i) => {
      const last = i === keys.length - 1
      const nextIsIndex = !last && /^\d+$/.test(keys[i + 1])
      if (last) node[key] = value
      else node = node[key] ??= nextIsIndex ? [] : {}
    })
  }
  return out
}

const id = (prefix: string) => `${prefix}_${crypto.randomBytes(12).toString("hex")}`

/** A free local port, found synchronously (the app's config needs it before the server starts). */
export function freePortSync(): number {
  const { execFileSync } = require("node:child_process")
  const out = execFileSync(process.execPath, [
    "-e",
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ])
  return Number(String(out))
}

export async function startFakeStripe(port?: number): Promise<FakeStripe> {
  const accounts = new Map<string, any>()
  const transfers = new Map<string, any>()
  const idempotent = new Map<string, { status: number; body: any }>()
  const requests: FakeStripe["requests"] = []
  let failures: { count: number; code: string; mode: FailureMode } = { count: 0, code: "balance_insufficient", mode: "decline" }

  const error = (status: number, code: string, message: string) => ({
    status,
    body: { error: { type: status === 404 ? "invalid_request_error" : "invalid_request_error", code, message } },
  })

  function handle(method: string, path: string, form: Record<string, any>, query: URLSearchParams): { status: number; body: any } {
    let m: RegExpMatchArray | null
    if (method === "POST" && path === "/v1/accounts") {
      const account = {
        id: id("acct"),
        object: "account",
        type: form.type ?? "express",
        country: form.country ?? "DE",
        email: form.email ?? null,
        charges_enabled: false,
        payouts_enabled: false,
        details_submitted: false,
        capabilities: { transfers: "inactive" },
        requirements: { currently_due: ["external_account"], disabled_reason: "requirements.past_due" },
        metadata: form.metadata ?? {},
        created: Math.floor(Date.now() / 1000),
      }
      accounts.set(account.id, account)
      return { status: 200, body: account }
    }
    if ((m = path.match(/^\/v1\/accounts\/([^/]+)$/))) {
      const account = accounts.get(m[1])
      if (!account) return error(404, "resource_missing", `No such account: '${m[1]}'`)
      if (method === "POST") Object.assign(account, { metadata: { ...account.metadata, ...(form.metadata ?? {}) } })
      return { status: 200, body: account }
    }
    if (method === "POST" && path === "/v1/account_links") {
      if (!accounts.has(form.account)) return error(400, "resource_missing", `No such account: '${form.account}'`)
      return {
        status: 200,
        body: {
          object: "account_link",
          url: `https://connect.stripe.test/setup/e/${form.account}/${crypto.randomBytes(6).toString("hex")}`,
          created: Math.floor(Date.now() / 1000),
          expires_at: Math.floor(Date.now() / 1000) + 300,
        },
      }
    }
    if (method === "POST" && path === "/v1/transfers") {
      if (failures.count > 0 && failures.mode !== "drop_after_create") {
        failures.count--
        if (failures.mode === "server_error") return { ...error(500, "api_error", "Something went wrong on Stripe's end"), status: 500 }
        return error(400, failures.code, `Transfer failed: ${failures.code}`)
      }
      const destination = accounts.get(form.destination)
      if (!destination) return error(400, "resource_missing", `No such destination: '${form.destination}'`)
      const amount = Number(form.amount)
      if (!Number.isInteger(amount) || amount <= 0) return error(400, "parameter_invalid_integer", "Invalid positive integer")
      const transfer = {
        id: id("tr"),
        object: "transfer",
        amount,
        currency: String(form.currency).toLowerCase(),
        destination: form.destination,
        description: form.description ?? null,
        metadata: form.metadata ?? {},
        transfer_group: form.transfer_group ?? null,
        reversed: false,
        created: Math.floor(Date.now() / 1000),
      }
      transfers.set(transfer.id, transfer)
      return { status: 200, body: transfer }
    }
    if (method === "GET" && (m = path.match(/^\/v1\/transfers\/([^/]+)$/))) {
      const transfer = transfers.get(m[1])
      return transfer ? { status: 200, body: transfer } : error(404, "resource_missing", `No such transfer: '${m[1]}'`)
    }
    if (method === "GET" && path === "/v1/transfers") {
      const destination = query.get("destination")
      const data = [...transfers.values()].filter((t) => !destination || t.destination === destination)
      return { status: 200, body: { object: "list", data, has_more: false, url: "/v1/transfers" } }
    }
    return error(404, "unknown_endpoint", `Fake Stripe does not implement ${method} ${path}`)
  }

  const server = http.createServer((req, res) => {
    let raw = ""
    req.on("data", (c) => (raw += c))
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost")
      const key = req.headers["idempotency-key"] as string | undefined
      requests.push({ method: req.method ?? "GET", path: url.pathname, idempotencyKey: key })
      let result: { status: number; body: any }
      const cacheKey = key ? `${req.method} ${url.pathname} ${key}` : null
      if (cacheKey && idempotent.has(cacheKey)) {
        result = idempotent.get(cacheKey)!
      } else {
        result = handle(req.method ?? "GET", url.pathname, parseStripeForm(raw), url.searchParams)
        // Stripe stores the outcome of a keyed request, errors included (except 5xx).
        if (cacheKey && result.status < 500) idempotent.set(cacheKey, result)
      }
      if (
        req.method === "POST" &&
        url.pathname === "/v1/transfers" &&
        result.status === 200 &&
        failures.count > 0 &&
        failures.mode === "drop_after_create"
      ) {
        failures.count--
        req.socket.destroy()
        return
      }
      res.writeHead(result.status, { "content-type": "application/json", "request-id": id("req") })
      res.end(JSON.stringify(result.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(port ?? 0, "127.0.0.1", resolve))
  port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    sdkConfig: () => ({ host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 }),
    accounts,
    transfers,
    transfersCreated: () => transfers.size,
    requests,
    failNextTransfers: (count, code = "balance_insufficient", mode = "decline") => {
      failures = { count, code, mode }
    },
    setAccount: (accountId, patch) => Object.assign(accounts.get(accountId), patch),
    reset: () => {
      accounts.clear()
      transfers.clear()
      idempotent.clear()
      requests.length = 0
      failures = { count: 0, code: "balance_insufficient", mode: "decline" }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

export const FAKE_STRIPE_WEBHOOK_SECRET = "whsec_lilium_test"

/**
 * Stripe Connect for one test file, against a fake Stripe: call it at the top
 * of the file, before liliumIntegrationTestRunner. medusa-config.ts reads the
 * Stripe variables when the runner loads it, which is before the runner
 * applies its `env`, so they are set here, and removed after the file. The
 * fake starts before the file's tests and forgets everything before each
 * test. Returns the fake (usable from the first test on).
 */
export function useFakeStripe(): FakeStripe {
  const port = freePortSync()
  const env: Record<string, string> = {
    STRIPE_CONNECT_API_KEY: "sk_test_lilium",
    STRIPE_CONNECT_WEBHOOK_SECRET: FAKE_STRIPE_WEBHOOK_SECRET,
    STRIPE_API_BASE: `http://127.0.0.1:${port}`,
    // The SDK's own retries would hide the interrupted attempts under test.
    STRIPE_MAX_NETWORK_RETRIES: "0",
  }
  Object.assign(process.env, env)
  let fake: FakeStripe | undefined
  beforeAll(async () => {
    fake = await startFakeStripe(port)
  })
  afterAll(async () => {
    for (const key of Object.keys(env)) delete process.env[key]
    await fake?.close()
  })
  beforeEach(() => fake!.reset())
  return new Proxy({} as FakeStripe, {
    get: (_, key) => {
      if (!fake) throw new Error("the fake Stripe starts in beforeAll")
      return (fake as any)[key]
    },
  })
}

/** Sends a Stripe event to POST /hooks/payouts/stripe, signed as Stripe signs it (with `secret`). */
export function sendStripeWebhook(
  api: { post: (url: string, body?: any, config?: any) => Promise<any> },
  event: Record<string, unknown>,
  secret = FAKE_STRIPE_WEBHOOK_SECRET
) {
  const payload = JSON.stringify({
    id: `evt_${Math.random().toString(36).slice(2)}`,
    object: "event",
    created: Math.floor(Date.now() / 1000),
    ...event,
  })
  const signature = new Stripe("sk_test_signer").webhooks.generateTestHeaderString({ payload, secret })
  return api.post("/hooks/payouts/stripe", payload, {
    headers: { "content-type": "application/json", "stripe-signature": signature },
    validateStatus: () => true,
  })
}

/**
 * The vendor (its member's `headers`) sets up a Stripe Express account, and
 * Stripe activates it with a signed account.updated webhook. Returns the
 * account id and the webhook's answer.
 */
export async function connectStripeAccount(
  api: { post: (url: string, body?: any, config?: any) => Promise<any> },
  stripe: FakeStripe,
  headers: { headers: Record<string, string> }
) {
  const { data, status } = await api.post(
    "/vendor/payout-account",
    { provider: "stripe-connect" },
    { ...headers, validateStatus: () => true }
  )
  if (status !== 200) throw new Error(`payout account: ${status} ${JSON.stringify(data)}`)
  const acct: string = data.payout_account.external_id
  const account = stripe.setAccount(acct, {
    payouts_enabled: true,
    charges_enabled: true,
    details_submitted: true,
    capabilities: { transfers: "active" },
    requirements: { currently_due: [], disabled_reason: null },
  })
  const activated = await sendStripeWebhook(api, { type: "account.updated", data: { object: account } })
  return { acct, account_id: data.payout_account.id as string, activated }
}
