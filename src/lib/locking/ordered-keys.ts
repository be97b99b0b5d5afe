/**
 * Multi-key `execute` that takes its keys one at a time in sorted order.
 *
 * Medusa's Redis locking provider (2.21) takes the keys of one `execute` call
 * concurrently (Redis), and when the wait times out it keeps the keys it
 * already took until their lease ends (60 s). Medusa's `reserveInventoryStep`
 * locks every inventory item of a cart with one `execute`, so two checkouts
 * of the same two products could each take one item and wait for the other
 * until both failed with "Timed-out acquiring lock." (409), and the item
 * stayed locked for the next buyers (medusajs/medusa#16285; the upstream
 * fix, #16284, is not released). In a total order no two callers can each
 * hold what the other waits for, and a single-key `execute` either takes its
 * key or gives it back, so a timeout leaves nothing locked.
 */

export type LockJob<T> = (signal?: AbortSignal) => Promise<T>

export type ExecuteArgs = { timeout?: number; expire?: number; provider?: string } | undefined

export type Executes = {
  execute<T>(keys: string | string[], job: LockJob<T>, args?: ExecuteArgs, sharedContext?: unknown): Promise<T>
}

export type Constructor<T> = new (...args: any[]) => T

/** The distinct keys in one total order (code-point order, as every caller sorts them). */
export function lockOrder(keys: string | string[]): string[] {
  return [...new Set(Array.isArray(keys) ? keys : [keys])].sort()
}

/** The signals of the nested leases as one: aborted when any lease is lost. */
function anySignal(signals: AbortSignal[]): AbortSignal | undefined {
  if (!signals.length) return undefined
  if (signals.length === 1) return signals[0]
  return AbortSignal.any(signals)
}

/**
 * `Base` with `execute` taking its keys in `lockOrder`, each through the
 * base's own single-key `execute` (its wait, lease and renewal unchanged).
 * The `timeout` is the wait for each key.
 */
export function withOrderedKeys<TBase extends Constructor<Executes>>(Base: TBase) {
  return class OrderedKeysLocking extends Base {
    async execute<T>(keys: string | string[], job: LockJob<T>, args?: ExecuteArgs, sharedContext?: unknown): Promise<T> {
      const ordered = lockOrder(keys)
      if (ordered.length <= 1) return super.execute(ordered, job, args, sharedContext)
      const takeFrom = (index: number, signals: AbortSignal[]): Promise<T> =>
        super.execute(
          ordered[index],
          (signal?: AbortSignal) => {
            const held = signal ? [...signals, signal] : signals
            return index + 1 < ordered.length ? takeFrom(index + 1, held) : job(anySignal(held))
          },
          args,
          sharedContext
        )
      return takeFrom(0, [])
    }
  }
}
