import { MedusaError } from "@medusajs/framework/utils"
import type { Constructor, ExecuteArgs, Executes, LockJob } from "./ordered-keys"

/**
 * Single-key `execute` calls of one process wait for a key in arrival order
 * (a FIFO per key) before they ask Redis for it.
 *
 * Medusa's Redis provider (2.21) waits for a taken key by polling it with
 * exponential backoff (20 ms doubling to 1 s): whoever polls at the moment
 * the key frees gets it, so under a long queue (many buyers of one item at
 * once, each holding the item's lock in `reserveInventoryStep`) a waiter can
 * be overtaken again and again until its wait runs out and the checkout
 * answers 409 (bench/RESULTS.md, session 16). With a local queue only the
 * head of each process polls Redis, so across N servers a waiter competes
 * with at most N − 1 others per turn, and the time it waits is its place in
 * the queue. The wait for the local turn counts against the call's timeout
 * (Medusa rounds a remaining wait under 1 s up to 1 s).
 */
const timedOut = () => new MedusaError(MedusaError.Types.CONFLICT, "Timed-out acquiring lock.")

export function withLocalQueue<TBase extends Constructor<Executes>>(Base: TBase) {
  return class LocalQueueLocking extends Base {
    /** Per key, the promise that settles when the last caller in line is done with it. */
    readonly lineEnds = new Map<string, Promise<void>>()

    async execute<T>(keys: string | string[], job: LockJob<T>, args?: ExecuteArgs, sharedContext?: unknown): Promise<T> {
      const list = Array.isArray(keys) ? keys : [keys]
      // Multi-key calls are split into single-key calls by withOrderedKeys; anything else goes straight through.
      if (list.length !== 1) return super.execute(keys, job, args, sharedContext)
      const key = list[0]
      const waitSeconds = Math.max(Number(args?.timeout ?? (this as unknown as { waitLockingTimeout?: number }).waitLockingTimeout ?? 5), 1)
      const deadline = Date.now() + waitSeconds * 1000

      const before = this.lineEnds.get(key) ?? Promise.resolve()
      let leave!: () => void
      const done = new Promise<void>((resolve) => (leave = resolve))
      // The next caller waits for everyone before it, not only for this one: leaving early keeps the line intact.
      const lineEnd = before.then(() => done)
      this.lineEnds.set(key, lineEnd)
      try {
        let timer: NodeJS.Timeout | undefined
        const turn = await Promise.race([
          before.then(() => true),
          new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), waitSeconds * 1000))),
        ])
        clearTimeout(timer)
        if (!turn) throw timedOut()
        const remaining = Math.max((deadline - Date.now()) / 1000, 1)
        return await super.execute(key, job, { ...args, timeout: remaining }, sharedContext)
      } finally {
        leave()
        if (this.lineEnds.get(key) === lineEnd) this.lineEnds.delete(key)
      }
    }
  }
}
