import { periodStart } from ".."

const at = (iso: string) => new Date(iso)

describe("periodStart", () => {
  it("has no running period for per-order limits", () => {
    expect(periodStart("order", "UTC", at("2026-12-02T10:00:00Z"))).toBeNull()
  })

  it("starts the month on the 1st at midnight in the company's zone", () => {
    expect(periodStart("month", "UTC", at("2026-12-02T10:00:00Z"))?.toISOString()).toBe("2026-12-01T00:00:00.000Z")
    // 1 Dec 00:30 in Berlin is still 30 Nov in UTC: the Berlin month has started.
    expect(periodStart("month", "Europe/Berlin", at("2026-11-30T23:30:00Z"))?.toISOString()).toBe("2026-11-30T23:00:00.000Z")
    // 30 Nov 20:00 in New York is 1 Dec in UTC: the New York month has not.
    expect(periodStart("month", "America/New_York", at("2026-12-01T01:00:00Z"))?.toISOString()).toBe("2026-11-01T04:00:00.000Z")
  })

  it("starts the week on Monday at midnight (ISO), across a month and a year", () => {
    // Wed 2 Dec 2026 → Mon 30 Nov.
    expect(periodStart("week", "UTC", at("2026-12-02T10:00:00Z"))?.toISOString()).toBe("2026-11-30T00:00:00.000Z")
    // Sun 3 Jan 2027 → Mon 28 Dec 2026.
    expect(periodStart("week", "UTC", at("2027-01-03T23:59:59Z"))?.toISOString()).toBe("2026-12-28T00:00:00.000Z")
    // A Monday at midnight is its own week's start.
    expect(periodStart("week", "UTC", at("2026-11-30T00:00:00Z"))?.toISOString()).toBe("2026-11-30T00:00:00.000Z")
    // Mon 30 Nov 06:00 in Tokyo is Sun 29 Nov 21:00 UTC: Tokyo's week started at Sun 15:00 UTC.
    expect(periodStart("week", "Asia/Tokyo", at("2026-11-29T21:00:00Z"))?.toISOString()).toBe("2026-11-29T15:00:00.000Z")
  })

  it("uses the offset in force at the period's start, not now, across daylight saving", () => {
    // Berlin left CEST (+2) on 25 Oct 2026: November starts at CET (+1) midnight.
    expect(periodStart("month", "Europe/Berlin", at("2026-11-05T12:00:00Z"))?.toISOString()).toBe("2026-10-31T23:00:00.000Z")
    // April in Berlin (CEST, +2) starts 31 Mar 22:00 UTC although 1 Mar was CET.
    expect(periodStart("month", "Europe/Berlin", at("2026-04-10T12:00:00Z"))?.toISOString()).toBe("2026-03-31T22:00:00.000Z")
    // The week of Wed 1 Apr 2026 began Mon 30 Mar, after the 29 Mar change to CEST.
    expect(periodStart("week", "Europe/Berlin", at("2026-04-01T12:00:00Z"))?.toISOString()).toBe("2026-03-29T22:00:00.000Z")
    // Sun 29 Mar (the day of the change, now CEST) belongs to the week that began Mon 23 Mar at CET midnight.
    expect(periodStart("week", "Europe/Berlin", at("2026-03-29T12:00:00Z"))?.toISOString()).toBe("2026-03-22T23:00:00.000Z")
  })
})
