import { longestCronGapDays } from ".."

describe("longestCronGapDays", () => {
  it("reads the day-level fields of 5- and 6-field crons", () => {
    expect(longestCronGapDays("* * * * *")).toBe(1)
    expect(longestCronGapDays("0 6 * * *")).toBe(1)
    expect(longestCronGapDays("0 0 6 * * *")).toBe(1)
    expect(longestCronGapDays("0 6 * * MON")).toBe(7)
    expect(longestCronGapDays("0 6 * * 1,4")).toBe(4)
    expect(longestCronGapDays("0 6 1,15 * *")).toBe(17) // 15th → 1st of a 31-day month
    expect(longestCronGapDays("0 6 */10 * *")).toBe(10) // 1, 11, 21, 31: ten days apart, and 21st → 1st of a 30-day month is 10 too
    expect(longestCronGapDays("0 6 1 * *")).toBe(31)
    expect(longestCronGapDays("0 0 1 1 *")).toBe(365) // yearly: 2025-01-01 → 2026-01-01
    expect(longestCronGapDays("0 6 1 * MON")).toBe(7) // either day field matches
    expect(longestCronGapDays("0 6 L * *")).toBe(Infinity)
    expect(longestCronGapDays("0 6 31 2 *")).toBe(Infinity) // never runs
  })
})
