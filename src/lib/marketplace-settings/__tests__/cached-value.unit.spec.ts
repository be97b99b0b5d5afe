import { CachedValue } from "../cached-value"
import { settingsFromMetadata } from ".."

/** A clock the test moves by hand (milliseconds). */
function clock(start = 1_000) {
  let t = start
  return { now: () => t, advance: (ms: number) => (t += ms) }
}

/** A load the test completes by hand, counting how often it was started. */
function manualLoads<T>() {
  const pending: { resolve: (v: T) => void; reject: (e: unknown) => void }[] = []
  let started = 0
  const load = () =>
    new Promise<T>((resolve, reject) => {
      started++
      pending.push({ resolve, reject })
    })
  return { load, started: () => started, pending }
}

/** Lets the cache's promise callbacks run. */
const settle = () => new Promise((r) => setImmediate(r))

describe("CachedValue (the admin 2FA setting's per-server copy)", () => {
  it("reads once, answers from the copy for less than the TTL, reads again at exactly the TTL", async () => {
    const c = clock()
    const cache = new CachedValue<string>(5_000, c.now)
    let reads = 0
    const load = async () => `v${++reads}`
    expect(await cache.get(load)).toBe("v1")
    c.advance(4_999)
    expect(await cache.get(load)).toBe("v1")
    expect(reads).toBe(1)
    c.advance(1)
    expect(await cache.get(load)).toBe("v2")
    expect(reads).toBe(2)
  })

  it("ages a value from when its read started, so a slow read is not kept longer than the TTL after it began", async () => {
    const c = clock()
    const cache = new CachedValue<string>(5_000, c.now)
    const loads = manualLoads<string>()
    const first = cache.get(loads.load)
    await settle()
    c.advance(3_000) // the read takes 3 s
    loads.pending[0].resolve("old")
    expect(await first).toBe("old")
    c.advance(1_999) // 4,999 ms after the read started
    expect(await cache.get(loads.load)).toBe("old")
    c.advance(1) // 5,000 ms after it started, 2,000 ms after it ended
    const second = cache.get(loads.load)
    await settle()
    expect(loads.started()).toBe(2)
    loads.pending[1].resolve("new")
    expect(await second).toBe("new")
  })

  it("invalidate() makes the next get read again at once", async () => {
    const c = clock()
    const cache = new CachedValue<boolean>(5_000, c.now)
    let stored = false
    const load = async () => stored
    expect(await cache.get(load)).toBe(false)
    stored = true
    c.advance(10)
    expect(await cache.get(load)).toBe(false) // another server's change: not seen yet
    cache.invalidate() // this server's change
    expect(await cache.get(load)).toBe(true)
  })

  it("a read that started before invalidate() neither stays in the copy nor answers callers that came after it", async () => {
    const c = clock()
    const cache = new CachedValue<boolean>(5_000, c.now)
    const loads = manualLoads<boolean>()
    const before = cache.get(loads.load) // started before the change
    await settle()
    cache.invalidate()
    const after = cache.get(loads.load) // must not join the old read
    await settle()
    expect(loads.started()).toBe(2)
    loads.pending[1].resolve(true)
    expect(await after).toBe(true)
    loads.pending[0].resolve(false) // the old read ends last
    expect(await before).toBe(false)
    // The copy is the read made after the change.
    expect(await cache.get(loads.load)).toBe(true)
    expect(loads.started()).toBe(2)
  })

  it("callers that arrive during a read share it; a read older than the TTL is not joined", async () => {
    const c = clock()
    const cache = new CachedValue<string>(5_000, c.now)
    const loads = manualLoads<string>()
    const a = cache.get(loads.load)
    c.advance(100)
    const b = cache.get(loads.load)
    await settle()
    expect(loads.started()).toBe(1)
    c.advance(4_900) // the first read has now run for 5,000 ms
    const late = cache.get(loads.load)
    await settle()
    expect(loads.started()).toBe(2)
    loads.pending[0].resolve("slow")
    loads.pending[1].resolve("fresh")
    expect([await a, await b, await late]).toEqual(["slow", "slow", "fresh"])
    // The read that started later is the copy.
    expect(await cache.get(loads.load)).toBe("fresh")
  })

  it("an older read that ends after a newer one does not replace its value", async () => {
    const c = clock()
    const cache = new CachedValue<string>(5_000, c.now)
    const loads = manualLoads<string>()
    const older = cache.get(loads.load)
    c.advance(5_000)
    const newer = cache.get(loads.load)
    await settle()
    loads.pending[1].resolve("newer")
    expect(await newer).toBe("newer")
    loads.pending[0].resolve("older")
    expect(await older).toBe("older")
    expect(await cache.get(loads.load)).toBe("newer")
    expect(loads.started()).toBe(2)
  })

  it("a failed read is not kept: its callers get the error, the next get reads again", async () => {
    const c = clock()
    const cache = new CachedValue<string>(5_000, c.now)
    let calls = 0
    const load = async () => {
      calls++
      if (calls === 1) throw new Error("database down")
      return "back"
    }
    await expect(cache.get(load)).rejects.toThrow("database down")
    expect(await cache.get(load)).toBe("back")
    expect(calls).toBe(2)
  })

  it("a load that throws before returning a promise is a rejected get, not a throw", async () => {
    const cache = new CachedValue<string>(5_000, clock().now)
    const load = (): Promise<string> => {
      throw new Error("sync")
    }
    await expect(cache.get(load)).rejects.toThrow("sync")
  })
})

describe("settingsFromMetadata", () => {
  it("reads require_admin_mfa only when it is exactly true", () => {
    expect(settingsFromMetadata({ lilium_settings: { require_admin_mfa: true } })).toEqual({ require_admin_mfa: true })
    expect(settingsFromMetadata({ lilium_settings: { require_admin_mfa: "true" } })).toEqual({ require_admin_mfa: false })
    expect(settingsFromMetadata({})).toEqual({ require_admin_mfa: false })
    expect(settingsFromMetadata(null)).toEqual({ require_admin_mfa: false })
  })
})
