import Redis from "ioredis"
import medusaRedisLocking from "@medusajs/medusa/locking-redis"
import { OrderedRedisLockingProvider, ownProviderOptions } from ".."
import { lockOrder } from "../../../lib/locking/ordered-keys"

// The deadlock of medusajs/medusa#16285 as reserveInventoryStep meets it:
// one `execute` over several inventory items, on Medusa's real Redis
// provider (REDIS_URL: CI's Redis pass). Medusa's in-memory provider (one
// process) takes keys in sequence and hands back what a timed-out wait took
// once the awaited key frees, so only the Redis provider is wrapped.
const REDIS_URL = process.env.REDIS_URL
const MedusaRedisLocking = medusaRedisLocking.services[0] as new (...args: any[]) => any
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

type Provider = { execute: (keys: string | string[], job: () => Promise<any>, args?: any) => Promise<any> }

/** `key` held until the returned release() is called. */
async function hold(provider: Provider, key: string) {
  let release!: () => void
  const released = new Promise<void>((r) => (release = r))
  let taken!: () => void
  const isTaken = new Promise<void>((r) => (taken = r))
  const done = provider.execute(key, async () => {
    taken()
    await released
  })
  await isTaken
  return async () => {
    release()
    await done
  }
}

/** A timed-out multi-key wait must leave the key it took free for the next caller. */
async function timeoutLeavesNothingLocked(provider: Provider, ns: string) {
  const [a, b] = [`${ns}:item-a`, `${ns}:item-b`]
  const releaseB = await hold(provider, b)
  const waited = provider.execute([a, b], async () => "ran", { timeout: 1 }).catch((e: Error) => e.message)
  await sleep(1300)
  await releaseB()
  expect(await waited).toBe("Timed-out acquiring lock.")
  // The next buyer of item a only: free at once, not after a lease (or never).
  return provider.execute(a, async () => "next buyer", { timeout: 1 }).catch((e: Error) => e.message)
}

/** Many overlapping executes over the same keys in opposite orders: all run, never two on one key at once. */
async function oppositeOrdersAllRun(provider: Provider, ns: string) {
  const keys = [`${ns}:x`, `${ns}:y`, `${ns}:z`]
  const active = new Map<string, number>()
  let overlaps = 0
  const job = (ks: string[]) => async () => {
    for (const k of ks) {
      active.set(k, (active.get(k) ?? 0) + 1)
      if (active.get(k)! > 1) overlaps++
    }
    await sleep(15)
    for (const k of ks) active.set(k, active.get(k)! - 1)
    return ks.length
  }
  const calls = Array.from({ length: 24 }, (_, i) => {
    const ks = i % 3 === 0 ? [keys[0], keys[1]] : i % 3 === 1 ? [keys[1], keys[0]] : [keys[2], keys[1], keys[0]]
    return provider.execute(ks, job(ks), { timeout: 10 }).then(
      (n: number) => n,
      (e: Error) => e.message
    )
  })
  const results = await Promise.all(calls)
  return { results, overlaps }
}

/**
 * `waiters` callers of one key queue behind a holder; each job holds the key for `holdMs`. Returns the order in which
 * they got it and what each call answered.
 */
async function queueBehindHolder(provider: Provider, key: string, waiters: number, holdMs: number, timeout: number) {
  const releaseHolder = await hold(provider, key)
  const order: number[] = []
  const calls: Promise<string>[] = []
  for (let i = 0; i < waiters; i++) {
    calls.push(
      provider
        .execute(
          key,
          async () => {
            order.push(i)
            await sleep(holdMs)
            return "ran"
          },
          { timeout }
        )
        .catch((e: Error) => e.message)
    )
    await sleep(5) // arrival order
  }
  await sleep(300)
  await releaseHolder()
  return { order, answers: await Promise.all(calls) }
}

describe("lockOrder", () => {
  it("sorts and de-duplicates, so every caller takes shared keys in one order", () => {
    expect(lockOrder(["iitem_b", "iitem_a", "iitem_b"])).toEqual(["iitem_a", "iitem_b"])
    expect(lockOrder("iitem_a")).toEqual(["iitem_a"])
  })
})

describe("the provider's options", () => {
  // Medusa 2.21 passes a locking provider the module's options; the provider must still get its own.
  const moduleOptions = {
    providers: [
      { resolve: "./src/providers/locking-redis", id: "locking-redis", options: { redisUrl: "redis://x", waitLockingTimeout: 30 } },
    ],
    database: { clientUrl: "postgres://x" },
  }
  it("picks this provider's entry out of the module's options", () => {
    expect(ownProviderOptions(moduleOptions)).toEqual({ redisUrl: "redis://x", waitLockingTimeout: 30 })
    expect(ownProviderOptions({ waitLockingTimeout: 7 })).toEqual({ waitLockingTimeout: 7 })
  })
  it("so the configured wait reaches Medusa's provider (it stayed at its 5 s default before)", () => {
    const redisClient = { defineCommand: () => {} }
    const provider = new (OrderedRedisLockingProvider as unknown as new (...args: any[]) => { waitLockingTimeout: number })(
      { redisClient },
      moduleOptions
    )
    expect(provider.waitLockingTimeout).toBe(30)
    const medusas = new MedusaRedisLocking({ redisClient }, moduleOptions) as { waitLockingTimeout: number }
    expect(medusas.waitLockingTimeout).toBe(5)
  })
})

const describeRedis = REDIS_URL ? describe : describe.skip
describeRedis("ordered Redis locking (REDIS_URL)", () => {
  let redis: Redis
  const ns = `lilium-lock-test-${process.pid}-${Date.now()}`
  const make = (Klass: new (...args: any[]) => any) =>
    new Klass({ redisClient: redis, prefix: `${ns}:`, logger: { warn: () => {} } }, {}) as Provider

  beforeAll(() => {
    redis = new Redis(REDIS_URL!)
  })
  afterAll(async () => {
    const keys = await redis.keys(`${ns}:*`)
    if (keys.length) await redis.del(...keys)
    await redis.quit()
  })

  it("Medusa's own provider keeps the key a timed-out wait took, for its 60 s lease (the bug this provider removes)", async () => {
    expect(await timeoutLeavesNothingLocked(make(MedusaRedisLocking), "bug")).toBe("Timed-out acquiring lock.")
  })

  it("a timed-out wait leaves nothing locked", async () => {
    expect(await timeoutLeavesNothingLocked(make(OrderedRedisLockingProvider), "ok")).toBe("next buyer")
  })

  it("waiters in one process get the key in arrival order, and each waits only for its place in line", async () => {
    // 12 waiters × 150 ms: the last waits ~1.8 s, within its 3 s; Medusa's polling (backoff to 1 s) hands the key to
    // whoever polls first when it frees.
    const { order, answers } = await queueBehindHolder(make(OrderedRedisLockingProvider), `${ns}:fifo`, 12, 150, 3)
    expect(answers).toEqual(Array(12).fill("ran"))
    expect(order).toEqual([...Array(12).keys()])
  })

  it("a waiter whose turn does not come in time fails with Medusa's conflict and leaves the line intact", async () => {
    // 4 waiters × 400 ms with a 1 s wait: the first two run (the second's turn comes after ~0.7 s), the last two time out
    // in line; the key is free afterwards.
    const provider = make(OrderedRedisLockingProvider)
    const { order, answers } = await queueBehindHolder(provider, `${ns}:late`, 4, 400, 1)
    expect(order.slice(0, 1)).toEqual([0])
    expect(answers.filter((a) => a === "Timed-out acquiring lock.").length).toBeGreaterThanOrEqual(1)
    expect(answers.every((a) => a === "ran" || a === "Timed-out acquiring lock.")).toBe(true)
    expect(await provider.execute(`${ns}:late`, async () => "free", { timeout: 1 })).toBe("free")
  })

  it("opposite key orders from two providers (two servers) all complete, with mutual exclusion per key", async () => {
    const server1 = make(OrderedRedisLockingProvider)
    const server2 = make(OrderedRedisLockingProvider)
    const shared = {
      execute: (keys: string | string[], job: () => Promise<any>, args?: any) =>
        (Math.random() < 0.5 ? server1 : server2).execute(keys, job, args),
    }
    const { results, overlaps } = await oppositeOrdersAllRun(shared, "abba")
    expect(results).toEqual(Array.from({ length: 24 }, (_, i) => (i % 3 === 2 ? 3 : 2)))
    expect(overlaps).toBe(0)
  })
})
