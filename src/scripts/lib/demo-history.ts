import { DAY_MS, HOUR_MS } from "./demo-clock"
import type { DemoTimeline } from "./demo-timeline"
import type { DemoShopfloor, OrderPlan, VendorStep } from "./demo-shopfloor"
import type { DemoBuyer } from "./demo-buyers"

/**
 * The demo's 90 days of trade, planned deterministically (a seeded random
 * generator, so every fresh demo is the same): an order every five to six
 * days (never a week without one) from several buyers, each vendor accepting within hours, shipping
 * within one to two days (now and then late, for the late-shipment rate)
 * and delivering a few days later; orders of the last days are still open.
 * Three orders are written out because the demo must show them: a
 * rejection, a return and an operator's partial refund.
 */

export const DEMO_HISTORY_DAYS = 90
/** Orders over the 90 days (each costs one to three seconds of the seed: `npm start` must stay under 3 minutes). */
export const DEMO_HISTORY_ORDERS = 16

const PRODUCTS: Record<string, { vendor: string; price: number; qty: [number, number] }> = {
  "desk-lamp": { vendor: "lumen-office-lighting", price: 49.9, qty: [1, 4] },
  "led-floor-lamp": { vendor: "lumen-office-lighting", price: 129, qty: [1, 2] },
  "oak-office-chair": { vendor: "oakline-furniture", price: 289, qty: [1, 3] },
  "standing-desk": { vendor: "oakline-furniture", price: 549, qty: [1, 1] },
  "paper-a4-500": { vendor: "papyrus-supplies", price: 6.45, qty: [5, 40] },
  "gel-pens-20": { vendor: "papyrus-supplies", price: 9.9, qty: [2, 10] },
}
const VENDORS = ["lumen-office-lighting", "oakline-furniture", "papyrus-supplies"]

/** mulberry32: a tiny seeded generator. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type DemoHistoryBuyers = { individuals: DemoBuyer[]; employees: DemoBuyer[] }

export function planDemoHistory(timeline: DemoTimeline, floor: DemoShopfloor, buyers: DemoHistoryBuyers, now: number) {
  const rnd = random(21)
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo)
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1))
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]
  const everyone = [...buyers.individuals, ...buyers.individuals.slice(0, 2), ...buyers.employees]
  // Steps after `now` have not happened yet: the order stays where it is.
  const past = (at: number, steps: VendorStep[]) => steps.filter((s) => at + s.after_hours * HOUR_MS < now - 10 * 60_000)

  /** A vendor's usual course: accept, ship (sometimes late), deliver. */
  const usual = (): VendorStep[] => {
    const accept = between(0.5, 6)
    const ship = rnd() < 0.17 ? between(56, 80) : accept + between(14, 40)
    return [
      { step: "accept", after_hours: accept },
      { step: "ship", after_hours: ship },
      { step: "deliver", after_hours: ship + between(20, 70) },
    ]
  }
  const lines = (vendor: string) => {
    const handle = pick(Object.keys(PRODUCTS).filter((h) => PRODUCTS[h].vendor === vendor))
    return { [handle]: int(...PRODUCTS[handle].qty) }
  }
  const subtotal = (l: Record<string, number>) => Object.entries(l).reduce((s, [h, q]) => s + PRODUCTS[h].price * q, 0)

  const specials: Record<number, (p: OrderPlan) => void> = {
    // Papyrus cannot deliver and rejects its part: the buyer gets its share back.
    4: (p) => {
      p.lines["paper-a4-500"] = 30
      p.steps["papyrus-supplies"] = [{ step: "reject", after_hours: 3, reason: "Out of stock until next month" }]
    },
    // One desk lamp comes back four days after delivery and is refunded.
    7: (p) => {
      p.lines["desk-lamp"] = 3
      p.steps["lumen-office-lighting"] = [
        ...usual(),
        { step: "return", after_hours: 200, quantity: 1, note: "Lamp arrived with a cracked shade" },
      ]
    },
    // The operator refunds part of Oakline's share after a complaint.
    10: (p) => {
      p.lines["oak-office-chair"] = 2
      p.steps["oakline-furniture"] = [...usual(), { step: "refund", after_hours: 200, amount: 25, note: "Scratch on an armrest" }]
    },
  }

  for (let i = 0; i < DEMO_HISTORY_ORDERS; i++) {
    const daysAgo = 88 - (i * 86) / (DEMO_HISTORY_ORDERS - 1) + between(-0.4, 0.4)
    const day = Math.floor((now - daysAgo * DAY_MS) / DAY_MS) * DAY_MS
    const at = Math.min(day + between(7, 19) * HOUR_MS, now - HOUR_MS)
    const buyer = pick(everyone)
    const r = rnd()
    const count = r < 0.6 ? 1 : r < 0.9 ? 2 : 3
    const vendors = [...VENDORS].sort(() => rnd() - 0.5).slice(0, count)
    const plan: OrderPlan = { at, buyer, lines: {}, steps: {} }
    for (const v of vendors) {
      Object.assign(plan.lines, lines(v))
      // The last two days' orders are partly still waiting for the vendor.
      plan.steps[v] = daysAgo < 2 && rnd() < 0.5 ? [] : usual()
    }
    specials[i]?.(plan)
    // Company employees stay under their approval threshold (demo-companies.ts).
    if (buyers.employees.includes(buyer)) {
      for (const h of Object.keys(plan.lines)) while (subtotal(plan.lines) > 900 && plan.lines[h] > 1) plan.lines[h]--
      if (subtotal(plan.lines) > 900) delete plan.lines["standing-desk"]
    }
    for (const v of Object.keys(plan.steps)) {
      if (!Object.keys(plan.lines).some((h) => PRODUCTS[h].vendor === v)) delete plan.steps[v]
      else plan.steps[v] = past(at, plan.steps[v])
    }
    floor.plan(timeline, plan, `order ${i + 1}`)
  }
}
