import Redis from "ioredis"
import { MemoryStore, RedisStore } from "../rate-limit"

describe("rate limit counter stores", () => {
  it("memory: counts within a window and starts over after it", async () => {
    const store = new MemoryStore()
    expect((await store.hit("k", 50)).count).toBe(1)
    expect((await store.hit("k", 50)).count).toBe(2)
    expect((await store.hit("other", 50)).count).toBe(1)
    await new Promise((r) => setTimeout(r, 60))
    const next = await store.hit("k", 50)
    expect(next.count).toBe(1)
    expect(next.resetMs).toBeGreaterThan(0)
    expect(next.resetMs).toBeLessThanOrEqual(50)
  })

  // Runs in CI's Redis pass (.ci/run sets REDIS_URL).
  const withRedis = process.env.REDIS_URL ? describe : describe.skip
  withRedis("redis (REDIS_URL)", () => {
    const clients: Redis[] = []
    afterAll(async () => {
      await Promise.all(clients.map((c) => c.quit()))
    })

    it("shares one budget between two servers' connections", async () => {
      const a = new Redis(process.env.REDIS_URL!)
      const b = new Redis(process.env.REDIS_URL!)
      clients.push(a, b)
      const key = `lilium-test:rl:${process.pid}:${Date.now()}`
      const serverA = new RedisStore(a)
      const serverB = new RedisStore(b)
      expect((await serverA.hit(key, 10_000)).count).toBe(1)
      expect((await serverB.hit(key, 10_000)).count).toBe(2)
      const third = await serverA.hit(key, 10_000)
      expect(third.count).toBe(3)
      expect(third.resetMs).toBeGreaterThan(9_000)
      expect(third.resetMs).toBeLessThanOrEqual(10_000)
      await a.del(key)
    })
  })
})
