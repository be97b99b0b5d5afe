/**
 * Reporting ranges: which instants a request's `from`/`to`/`tz` cover, and
 * whether the hourly rollups can answer them. Pure date arithmetic, no I/O.
 */

/** A date without a time: a whole day in the request's time zone. */
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

// Building an Intl.DateTimeFormat costs 0.1–0.3 ms (ICU), formatting with one a few µs; an analytics request
// resolves its range up to three times (validation, route, query), six offsets each: one formatter per zone, kept
// (bounded: the map starts over past 1,000 zone spellings).
const offsetFormats = new Map<string, Intl.DateTimeFormat>()
function offsetFormat(tz: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(tz)
  if (!format) {
    // Throws a RangeError for a zone that is not one: nothing is kept then.
    format = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" })
    if (offsetFormats.size >= 1000) offsetFormats.clear()
    offsetFormats.set(tz, format)
  }
  return format
}

/** Whether `tz` is a time zone Intl knows (an IANA name such as Europe/Berlin, or UTC). */
export function isTimeZone(tz: string): boolean {
  try {
    offsetFormat(tz)
    return true
  } catch {
    return false
  }
}

/** The offset of `tz` from UTC at `at`, in minutes. */
export function tzOffsetMinutes(tz: string, at: Date): number {
  const name =
    offsetFormat(tz)
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT"
  const m = name.match(/GMT([+-])(\d{2}):?(\d{2})?/)
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0
}

/** Midnight of a YYYY-MM-DD day in `tz`, as an instant (DST-safe). */
export function localMidnight(day: string, tz: string): Date {
  const [y, m, d] = day.split("-").map(Number)
  const guess = Date.UTC(y, m - 1, d)
  let at = new Date(guess - tzOffsetMinutes(tz, new Date(guess)) * 60_000)
  // Across a DST change the offset at the result can differ from the guess's.
  at = new Date(guess - tzOffsetMinutes(tz, at) * 60_000)
  return at
}

export type AnalyticsRange = { from: Date; to: Date; tz: string; use_rollups: boolean }

/**
 * [from, to) from the query. A date is a whole day in `tz`: `from` starts
 * at its midnight and `to` ends at the next one (both days included). A
 * date-time is taken as given, `to` exclusive. Default: the last 30 days up
 * to the next whole hour. Rollups serve the range when both ends are whole
 * hours and the time zone's offset is whole hours at both ends.
 */
export function resolveRange(q: { from?: string; to?: string; tz: string }, now = new Date()): AnalyticsRange {
  const tz = q.tz
  const nextHour = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000)
  const to = q.to ? (DATE_ONLY.test(q.to) ? localMidnight(addDays(q.to, 1), tz) : new Date(q.to)) : nextHour
  const from = q.from ? (DATE_ONLY.test(q.from) ? localMidnight(q.from, tz) : new Date(q.from)) : new Date(to.getTime() - 30 * 86_400_000)
  const hourly = (d: Date) => d.getTime() % 3_600_000 === 0
  const wholeHourZone = tzOffsetMinutes(tz, from) % 60 === 0 && tzOffsetMinutes(tz, to) % 60 === 0
  return { from, to, tz, use_rollups: hourly(from) && hourly(to) && wholeHourZone }
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}
