#!/usr/bin/env node
// One-time code sign-in, end to end over HTTP (issue 16: "the measured time
// of a sign-in with a code (request → verify)"):
// `npm run bench:otp [-- --iterations 50 --warmup 5 --customers 10 --poll-ms 5 --redis redis://127.0.0.1:6379/11]`.
//
// It recreates the database lilium_bench_otp (BENCH_DATABASE_URL's server,
// else DATABASE_URL's, else an embedded PostgreSQL in a temporary folder),
// migrates it, creates an admin user (`medusa user`), starts `medusa start`
// on a free port (LOG_LEVEL=error, in-memory modules; with --redis, Medusa's
// Redis event bus, workflow engine, cache and locking on that URL), creates
// a publishable key and registers N customers through the Store API. Then,
// per iteration, for one of the customers in turn:
//   unknown  POST /auth/customer/otp/request for an address with no account
//            (then a short pause, so its subscriber does not overlap the next call);
//   request  POST /auth/customer/otp/request for the customer (201, empty);
//   code_written from the request's start to the `otp-code` notification
//            row's created_at (same machine, same clock): when the code was
//            out, independent of how often the script looks;
//   delivery from the request's answer until the script sees that row in the
//            notification table (polled every --poll-ms; the operator's API
//            masks codes since session 8): the subscriber, the issue-otp-code
//            workflow, the Notification module's write and up to one poll;
//   wrong    POST /auth/customer/otp with a wrong code (401; it counts one try);
//   sign-in  POST /auth/customer/otp with the e-mailed code (200 and a token);
//   total    request start → code seen, plus the sign-in: request → token
//            without the wrong try in between.
// Sign-in rate limits are raised (not switched off: the limiter still counts
// each call) so that 50 codes a minute from one address pass. Results go to
// bench/out/otp.json (otp-redis.json with --redis) and a printed table.
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import localSecrets from "../scripts/lib/local-secrets.cjs"
import {
  benchEnv,
  database,
  flag,
  machine as describeMachine,
  medusaCli,
  pct,
  recreateDatabase,
  root,
  say,
  sleep,
  startMedusa,
} from "./lib/harness.mjs"

process.chdir(root)
const iterations = Number(flag("iterations", 50))
const warmup = Number(flag("warmup", 5))
const customerCount = Number(flag("customers", 10))
const pollMs = Number(flag("poll-ms", 5))
// Only an explicit --redis switches the server to Redis: an ambient REDIS_URL would silently change what is measured.
const redisUrl = flag("redis", undefined)

const BIG = "1000000"
const env = benchEnv({
  DISABLE_MEDUSA_ADMIN: "true",
  AUTH_RATE_LIMIT_MAX: BIG,
  AUTH_IDENTIFIER_RATE_LIMIT_MAX: BIG,
  RATE_LIMIT_READ_MAX: BIG,
  RATE_LIMIT_WRITE_MAX: BIG,
})
delete env.REDIS_URL
if (redisUrl) {
  env.REDIS_URL = redisUrl
  env.REDIS_KEY_PREFIX = "lilium-bench-otp"
}
// `medusa start` runs with NODE_ENV=production, which needs real secrets:
// the same generated-once ones as `npm start` (.lilium/secrets.json).
localSecrets.ensureLocalSecrets({ env, dir: path.join(root, ".lilium") })

const medusa = medusaCli(env, { quiet: true })

async function postgresVersion(url) {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    return (await client.query("show server_version")).rows[0].server_version
  } catch {
    return "unknown"
  } finally {
    await client.end().catch(() => {})
  }
}

const stats = (values) => {
  const s = [...values].sort((a, b) => a - b)
  const r = (x) => +x.toFixed(1)
  return { n: s.length, p50: r(pct(s, 50)), p95: r(pct(s, 95)), max: r(s[s.length - 1]), mean: r(s.reduce((a, b) => a + b, 0) / s.length) }
}

const db = await database("otp", { port: 55700 })
let server
try {
  await recreateDatabase(db.url)
  env.DATABASE_URL = db.url
  say(`migrating ${new URL(db.url).pathname.slice(1)}`)
  await medusa(["db:migrate"])
  const admin = { email: "bench-admin@lilium.local", password: crypto.randomBytes(12).toString("hex") }
  await medusa(["user", "-e", admin.email, "-p", admin.password])

  server = await startMedusa(env, {
    port: 9400,
    note: redisUrl ? `Redis modules on ${redisUrl}` : "in-memory event bus, workflow engine and locking",
  })
  const base = server.base
  say(`Medusa answered /health after ${(server.startupMs / 1000).toFixed(1)} s`)

  const call = async (method, url, { body, headers = {} } = {}) => {
    const res = await fetch(base + url, {
      method,
      headers: { ...(body ? { "content-type": "application/json" } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await res.text()
    let data
    try {
      data = JSON.parse(text)
    } catch {
      data = text
    }
    return { status: res.status, data }
  }
  const must = async (expected, method, url, opts) => {
    const r = await call(method, url, opts)
    if (r.status !== expected) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.data)}`)
    return r.data
  }
  const adminToken = (await must(200, "POST", "/auth/user/emailpass", { body: admin })).token
  const asAdmin = { authorization: `Bearer ${adminToken}` }
  const key = (await must(200, "POST", "/admin/api-keys", { body: { title: "Bench storefront", type: "publishable" }, headers: asAdmin }))
    .api_key
  const store = { "x-publishable-api-key": key.token }

  const run = Date.now().toString(36)
  const customers = []
  for (let i = 0; i < customerCount; i++) {
    const email = `otp-bench-${run}-${i}@bench.example`
    const password = "customer-password-1"
    const { token } = await must(200, "POST", "/auth/customer/emailpass/register", { body: { email, password } })
    await must(200, "POST", "/store/customers", {
      body: { email, first_name: "Bench", last_name: `Buyer ${i}` },
      headers: { ...store, authorization: `Bearer ${token}` },
    })
    customers.push(email)
  }
  say(`${customers.length} customers registered; letting their sign-up messages go out`)
  await sleep(2000)

  const seen = new Set()
  // The operator's GET /admin/notifications masks sign-in codes (decision 66), so the
  // script reads the row as the recipient's mailbox would get it: from the database.
  const rows = new pg.Client({ connectionString: db.url })
  await rows.connect()
  /** Polls the notification table until a new otp-code message to `email` is there. */
  async function waitForCode(email) {
    let polls = 0
    for (const deadline = performance.now() + 30_000; performance.now() < deadline;) {
      polls++
      const { rows: found } = await rows.query(
        `SELECT id, data, created_at FROM notification WHERE "to" = $1 AND template = 'otp-code' ORDER BY created_at DESC LIMIT 5`,
        [email]
      )
      const mail = found.find((n) => !seen.has(n.id))
      if (mail) {
        seen.add(mail.id)
        return { code: mail.data.code, createdAt: new Date(mail.created_at).getTime(), polls }
      }
      await sleep(pollMs)
    }
    throw new Error(`no otp-code notification for ${email} within 30 s`)
  }
  const wrongCode = (code) => String((Number(code) + 1) % 1_000_000).padStart(6, "0")

  const samples = { request_unknown: [], request_known: [], code_written: [], delivery: [], wrong_code: [], sign_in: [], total: [] }
  let polls = 0
  const unknownAddresses = []
  say(`${warmup} warm-up and ${iterations} measured iterations`)
  for (let i = 0; i < warmup + iterations; i++) {
    const record = i >= warmup
    const email = customers[i % customers.length]

    const nobody = `nobody-${run}-${i}@bench.example`
    unknownAddresses.push(nobody)
    let t = performance.now()
    await must(201, "POST", "/auth/customer/otp/request", { body: { identifier: nobody } })
    const unknownMs = performance.now() - t
    // Its subscriber finds no account and sends nothing; let it finish before the next call.
    await sleep(50)

    const t0 = performance.now()
    const t0Wall = Date.now()
    await must(201, "POST", "/auth/customer/otp/request", { body: { identifier: email } })
    const answered = performance.now()
    const mail = await waitForCode(email)
    const delivered = performance.now()

    t = performance.now()
    const wrong = await call("POST", "/auth/customer/otp", { body: { identifier: email, code: wrongCode(mail.code) } })
    const wrongMs = performance.now() - t
    if (wrong.status !== 401) throw new Error(`wrong code: ${wrong.status} ${JSON.stringify(wrong.data)}`)

    t = performance.now()
    const { token } = await must(200, "POST", "/auth/customer/otp", { body: { identifier: email, code: mail.code } })
    const signInMs = performance.now() - t
    if (!token) throw new Error("sign-in answered without a token")
    if (i === 0) await must(200, "GET", "/store/customers/me", { headers: { ...store, authorization: `Bearer ${token}` } })

    if (record) {
      samples.request_unknown.push(unknownMs)
      samples.request_known.push(answered - t0)
      samples.delivery.push(delivered - answered)
      samples.code_written.push(mail.createdAt - t0Wall)
      samples.wrong_code.push(wrongMs)
      samples.sign_in.push(signInMs)
      samples.total.push(delivered - t0 + signInMs)
      polls += mail.polls
    }
  }
  // The same-answer property, checked once: nothing went to the unknown addresses.
  for (const nobody of unknownAddresses.slice(0, 5)) {
    const { notifications } = await must(200, "GET", `/admin/notifications?to=${encodeURIComponent(nobody)}`, { headers: asAdmin })
    if (notifications.length) throw new Error(`a message went to the unknown address ${nobody}`)
  }

  const phases = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)]))
  const ratio = {
    p50: +(phases.request_known.p50 / phases.request_unknown.p50).toFixed(2),
    p95: +(phases.request_known.p95 / phases.request_unknown.p95).toFixed(2),
  }
  const m = describeMachine()
  const machine = {
    cpus: m.cpu_label,
    memory_gib: m.memory_gib,
    node: m.node,
    postgres: await postgresVersion(db.url),
    load_average_before: m.load_before.map((x) => +x.toFixed(2)),
    load_average_after: m.load_after.map((x) => +x.toFixed(2)),
  }
  const result = {
    date: new Date().toISOString(),
    modules: redisUrl ? "redis" : "in-memory",
    iterations,
    warmup,
    customers: customerCount,
    poll_ms: pollMs,
    mean_polls_per_code: +(polls / iterations).toFixed(1),
    machine,
    phases,
    request_time_ratio_known_to_unknown: ratio,
  }
  fs.mkdirSync("bench/out", { recursive: true })
  const out = `bench/out/${redisUrl ? "otp-redis" : "otp"}.json`
  fs.writeFileSync(out, JSON.stringify(result, null, 2))
  console.table(
    Object.fromEntries(
      Object.entries(phases).map(([k, v]) => [k, { "p50 ms": v.p50, "p95 ms": v.p95, "max ms": v.max, "mean ms": v.mean }])
    )
  )
  say(`request time, known / unknown address: ${ratio.p50}× at p50, ${ratio.p95}× at p95`)
  say(`${result.modules} modules; ${machine.cpus}, ${machine.memory_gib} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}`)
  say(`load average before ${machine.load_average_before.join(" ")}, after ${machine.load_average_after.join(" ")}; written to ${out}`)

  await rows.end()
  server.stop()
  await Promise.race([server.exited, sleep(15_000)])
  server = undefined
} finally {
  server?.stop()
  await db.stop()
}
