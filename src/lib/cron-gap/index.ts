/**
 * The longest wait, in whole days, between two runs of a cron schedule, read
 * from its day-level fields (day of month, month, day of week) over a
 * horizon of calendar days. Medusa's in-memory workflow engine waits for a
 * scheduled job's next run with one setTimeout; Node cannot wait more than
 * 2^31 ms (about 24.8 days) and fires such a timer at once, so a schedule
 * whose runs can be more than 24 days apart would run again and again
 * without Redis. options.ts refuses those schedules then.
 *
 * Supported in those fields: `*`, `?`, numbers, names (JAN, MON), lists,
 * ranges and steps. `L`, `W` and `#` (last day, weekday, nth weekday) make
 * the answer `Infinity`: they cannot be checked here, and in practice they
 * mean monthly.
 */
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]

/** The values a cron field allows, or null for "any" (`*`, `?`). Throws on what it cannot read. */
function fieldValues(field: string, min: number, max: number, names: string[] = [], nameBase = 0): Set<number> | null {
  if (field === "*" || field === "?") return null
  const value = (s: string) => {
    const i = names.indexOf(s.toUpperCase())
    const n = i >= 0 ? i + nameBase : Number(s)
    if (!Number.isInteger(n)) throw new Error(`not a value: ${s}`)
    return n
  }
  const out = new Set<number>()
  for (const part of field.split(",")) {
    const [range, stepText] = part.split("/")
    const step = stepText === undefined ? 1 : Number(stepText)
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad step: ${part}`)
    let lo: number
    let hi: number
    if (range === "*" || range === "?") [lo, hi] = [min, max]
    else if (range.includes("-")) [lo, hi] = range.split("-").map(value) as [number, number]
    else [lo, hi] = [value(range), stepText === undefined ? value(range) : max]
    for (let v = lo; v <= hi; v += step) out.add(v)
  }
  return out
}

export function longestCronGapDays(expression: string, from = new Date(Date.UTC(2025, 0, 1)), horizonDays = 800): number {
  const fields = expression.trim().split(/\s+/)
  const [dom, month, dow] = fields.length === 6 ? fields.slice(3) : fields.slice(2)
  if ([dom, month, dow].some((f) => /[LW#]/i.test(f))) return Infinity
  const days = fieldValues(dom, 1, 31)
  const months = fieldValues(month, 1, 12, MONTHS, 1)
  // Day of week 0–7, both 0 and 7 being Sunday.
  const weekdays = fieldValues(dow, 0, 7, DAYS, 0)
  if (weekdays?.has(7)) weekdays.add(0)
  let last: number | null = null
  let longest = 0
  for (let i = 0; i < horizonDays; i++) {
    const d = new Date(from.getTime() + i * 86_400_000)
    const monthOk = !months || months.has(d.getUTCMonth() + 1)
    const domOk = !days || days.has(d.getUTCDate())
    const dowOk = !weekdays || weekdays.has(d.getUTCDay())
    // Cron's rule: with both day fields restricted, either one matching is enough.
    const dayOk = days && weekdays ? domOk || dowOk : domOk && dowOk
    if (!monthOk || !dayOk) continue
    if (last !== null) longest = Math.max(longest, i - last)
    last = i
  }
  return last === null ? Infinity : longest
}
