import Redis from "ioredis"
import medusaRedisLocking from "@medusajs/medusa/locking-redis"
import { OrderedRedisLockingProvider } from ".."
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

describe("lockOrder", () => {
  it("sorts and de-duplicates, so every caller takes shared keys in one order", () => {
    expect(lockOrder(["iitem_b", "iitem_a", "iitem_b"])).toEqual(["iitem_a", "iitem_b"])
    expect(lockOrder("iitem_a")).toEqual(["iitem_a"])
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
