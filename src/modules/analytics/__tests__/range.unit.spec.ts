import { isTimeZone, localMidnight, resolveRange, tzOffsetMinutes } from "../range"

/** The offset as a formatter made for the one call computes it (what range.ts did before it kept one per zone). */
function freshOffset(tz: string, at: Date): number {
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")
      ?.value ?? "GMT"
  const m = name.match(/GMT([+-])(\d{2}):?(\d{2})?/)
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0
}

describe("analytics ranges with one kept formatter per zone", () => {
  const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "europe/berlin"]

  it("gives every offset a fresh formatter gives, across DST changes, in any order of zones", () => {
    const start = Date.UTC(2025, 0, 1)
    for (let h = 0; h < 2 * 366 * 24; h += 7) {
      const at = new Date(start + h * 3_600_000)
      for (const tz of zones) expect(tzOffsetMinutes(tz, at)).toBe(freshOffset(tz, at))
    }
  })

  it("knows time zones, and a refused one leaves nothing behind", () => {
    expect(isTimeZone("UTC")).toBe(true)
    expect(isTimeZone("Europe/Berlin")).toBe(true)
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false)
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false)
    expect(isTimeZone("")).toBe(false)
    expect(() => tzOffsetMinutes("Mars/Olympus_Mons", new Date())).toThrow(RangeError)
  })

  it("resolves whole days in a zone as before (DST days are 23 and 25 hours)", () => {
    expect(localMidnight("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z")
    expect(localMidnight("2026-03-30", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z")
    const spring = resolveRange({ from: "2026-03-29", to: "2026-03-29", tz: "Europe/Berlin" })
    expect(spring.to.getTime() - spring.from.getTime()).toBe(23 * 3_600_000)
    const fall = resolveRange({ from: "2026-10-25", to: "2026-10-25", tz: "Europe/Berlin" })
    expect(fall.to.getTime() - fall.from.getTime()).toBe(25 * 3_600_000)
    expect(resolveRange({ from: "2026-10-28", to: "2026-11-26", tz: "UTC" })).toEqual({
      from: new Date("2026-10-28T00:00:00Z"),
      to: new Date("2026-11-27T00:00:00Z"),
      tz: "UTC",
      use_rollups: true,
    })
    expect(resolveRange({ from: "2026-10-28", to: "2026-10-28", tz: "Asia/Kolkata" }).use_rollups).toBe(false)
  })
})
