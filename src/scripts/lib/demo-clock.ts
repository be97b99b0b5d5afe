/**
 * The demo's history is 90 days long but is made in a few seconds: the seed
 * sets this clock back and replays each event (checkout, acceptance,
 * shipment, refund, payout run) at its own moment through the real
 * workflows. Every module then stamps its own rows with that moment (Medusa
 * sets created_at, captured_at, shipped_at… from `new Date()`), so orders,
 * payments, fulfillments, vendor-order history, ledger rows and their
 * release dates, payouts and the sales facts computed from them all agree.
 * Nothing is rewritten afterwards: the ledger is append-only, so its dates
 * can only be right if they are written right.
 *
 * Only `new Date()` and `Date.now()` move; `new Date(x)`, timers and
 * performance.now() are untouched. Used by the seed process alone
 * (`medusa exec`), never by a server.
 */
const RealDate = Date
let offsetMs = 0
let installed = false

const DemoDate = new Proxy(RealDate, {
  construct(target, args: unknown[]) {
    return args.length ? new target(...(args as [string | number | Date])) : new target(target.now() + offsetMs)
  },
  get(target, prop, receiver) {
    if (prop === "now") return () => target.now() + offsetMs
    return Reflect.get(target, prop, receiver)
  },
})

export const demoClock = {
  /** From now on `new Date()` answers `at` (and then moves on in real time from there). */
  set(at: Date | number) {
    if (!installed) {
      globalThis.Date = DemoDate
      installed = true
    }
    offsetMs = Math.round(+at - RealDate.now())
  },
  /** The simulated time now. */
  now: () => new RealDate(RealDate.now() + offsetMs),
  /** Back to real time (the seed ends with it, so what follows it is stamped today). */
  restore() {
    offsetMs = 0
    if (installed) globalThis.Date = RealDate
    installed = false
  },
}

export const DAY_MS = 86_400_000
export const HOUR_MS = 3_600_000
