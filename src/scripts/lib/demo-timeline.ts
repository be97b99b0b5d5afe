import { demoClock } from "./demo-clock"

/**
 * A list of things that happen at given moments, replayed in time order on
 * the demo clock. Events are added while the plan is made (an order's
 * shipment is planned with its checkout); an event may add later ones.
 */
export type TimelineEvent = { at: number; label: string; run: () => Promise<void> }

export class DemoTimeline {
  private events: (TimelineEvent & { seq: number })[] = []
  private seq = 0
  private last = -Infinity
  /** Milliseconds spent per kind of event (checkout, accept, ship, …), for tuning the seed's duration. */
  readonly timing = new Map<string, number>()

  add(at: number, label: string, run: () => Promise<void>) {
    // Never in the replayed past: the clock only moves forward.
    this.events.push({ at: Math.max(at, this.last), label, run, seq: this.seq++ })
  }

  /** Runs every event at its moment, oldest first (ties in the order they were added). */
  async replay(log: (m: string) => void = () => {}) {
    let done = 0
    while (this.events.length) {
      this.events.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = this.events.shift()!
      this.last = next.at
      demoClock.set(next.at)
      const t0 = performance.now()
      try {
        await next.run()
      } catch (e) {
        ;(e as Error).message = `demo event "${next.label}" at ${new Date(next.at).toISOString()} failed: ${(e as Error).message}`
        throw e
      }
      const kind = next.label.replace(/^[^:]*: /, "").replace(/^\S+ (?=\w+$)/, "")
      this.timing.set(kind, (this.timing.get(kind) ?? 0) + performance.now() - t0)
      if (++done % 25 === 0) log(`${done} demo events replayed (now ${new Date(next.at).toISOString().slice(0, 10)})`)
    }
    return done
  }
}
