import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Holds the events that the set-up and the replayed history emit. In
 * `medusa exec` the in-process subscribers would otherwise run beside the
 * replay, on the demo clock, and race it (a subscriber waiting for the
 * order's payment lock timed out when the clock jumped ahead), and the last
 * ones were cut off when the process ended; with Redis they would wait for
 * a worker. Everything they do for the history (capture, split, customer
 * links, sales facts) the seed does itself through the same idempotent
 * workflows, so what is left is the messages of 90 days ago, which the demo
 * does not send: release(false) drops them. release(true) would hand them
 * on to the bus instead.
 */
export function holdEvents(container: MedusaContainer) {
  // The bus's methods are replaced on this instance (every module and workflow resolves the same one) and put back in release().
  type Bus = {
    emit: (...args: unknown[]) => Promise<void>
    releaseGroupedEvents(id: string): Promise<void>
    clearGroupedEvents(id: string): Promise<void>
  }
  const bus = container.resolve(Modules.EVENT_BUS) as unknown as Bus
  const original = { emit: bus.emit, releaseGroupedEvents: bus.releaseGroupedEvents }
  const held: { grouped: string[]; emitted: unknown[][] } = { grouped: [], emitted: [] }
  bus.emit = async (...args: unknown[]) => {
    const events = (Array.isArray(args[0]) ? args[0] : [args[0]]) as { metadata?: { eventGroupId?: string } }[]
    if (events.every((e) => e.metadata?.eventGroupId)) return original.emit.apply(bus, args)
    held.emitted.push(args)
  }
  bus.releaseGroupedEvents = async (groupId: string) => {
    held.grouped.push(groupId)
  }
  return {
    count: () => held.grouped.length + held.emitted.length,
    /** Stops holding; with `deliver`, passes everything held on to the bus. */
    async release(deliver: boolean) {
      if (bus.emit === original.emit) return
      bus.emit = original.emit
      bus.releaseGroupedEvents = original.releaseGroupedEvents
      if (!deliver) {
        for (const id of held.grouped) await bus.clearGroupedEvents(id)
        return
      }
      for (const id of held.grouped) await bus.releaseGroupedEvents(id)
      for (const args of held.emitted) await bus.emit(...args)
    },
  }
}
