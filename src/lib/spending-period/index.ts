/** How an employee's spending limit runs (the company module's spending_period). */
export type SpendingPeriod = "order" | "week" | "month"

/** The wall-clock fields of an instant in a time zone. */
function wallClock(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    weekday: "short",
  }).formatToParts(at)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ""
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday"))
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    hour: Number(get("hour")),
    minute: Number(get("minute")),
    second: Number(get("second")),
    weekday,
  }
}

/** The zone's offset from UTC (ms) at an instant. */
function offsetAt(at: Date, timeZone: string): number {
  const w = wallClock(at, timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return asUtc - Math.floor(at.getTime() / 1000) * 1000
}

/**
 * The instant at which a wall-clock midnight happens in a zone. The offset is
 * read twice because the first guess can fall on the other side of a DST
 * change; a midnight that does not exist (a zone that springs forward at
 * 00:00) resolves to the first instant after the gap.
 */
function midnightIn(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day)
  const first = guess - offsetAt(new Date(guess), timeZone)
  return new Date(guess - offsetAt(new Date(first), timeZone))
}

/** Whether a string is a time zone this runtime knows (IANA name). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone })
    return true
  } catch {
    return false
  }
}

/**
 * Where the current spending period starts, as an instant: the calendar week
 * (Monday 00:00, ISO 8601) or calendar month (the 1st, 00:00) that contains
 * `now`, in the company's time zone. "order" has no running period (each
 * order is compared with the limit on its own): null.
 */
export function periodStart(period: SpendingPeriod, timeZone: string, now: Date = new Date()): Date | null {
  if (period === "order") return null
  const w = wallClock(now, timeZone)
  if (period === "month") return midnightIn(w.year, w.month, 1, timeZone)
  // Days back to Monday; Date.UTC normalises a day before the 1st into the previous month.
  const back = (w.weekday + 6) % 7
  const monday = new Date(Date.UTC(w.year, w.month - 1, w.day - back))
  return midnightIn(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), timeZone)
}
