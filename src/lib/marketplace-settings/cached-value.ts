/**
 * One value read from elsewhere (the database) and kept in this process for
 * at most `ttlMs`. Pure: the clock is injected (monotonic by default).
 *
 * - The age counts from when the read **started**: a change committed at
 *   time t is seen by every read started after t, so no caller is answered
 *   from before the change later than t + ttlMs. This bound holds with N
 *   servers, each with its own copy, whoever made the change.
 * - `invalidate()` drops the copy for this process at once. A read that
 *   started before it is neither kept nor shared with callers that come
 *   after it (generation counter), so a slow read cannot put the old value
 *   back.
 * - Callers that arrive while a read is running share it (one read, not one
 *   per request), unless that read is older than `ttlMs`.
 * - A failed read is not kept; its callers get the error.
 */
export class CachedValue<T> {
  private entry: { value: T; startedAt: number } | null = null
  private inflight: { promise: Promise<T>; startedAt: number; generation: number } | null = null
  private generation = 0

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = () => performance.now()
  ) {}

  get(load: () => Promise<T>): Promise<T> {
    const now = this.now()
    if (this.entry && now - this.entry.startedAt < this.ttlMs) return Promise.resolve(this.entry.value)
    const running = this.inflight
    if (running && running.generation === this.generation && now - running.startedAt < this.ttlMs) return running.promise
    const generation = this.generation
    const promise: Promise<T> = Promise.resolve()
      .then(load)
      .then(
        (value) => {
          // Not after an invalidate(), and never over a newer read's value.
          if (this.generation === generation && (!this.entry || this.entry.startedAt <= now)) this.entry = { value, startedAt: now }
          if (this.inflight?.promise === promise) this.inflight = null
          return value
        },
        (error: unknown) => {
          if (this.inflight?.promise === promise) this.inflight = null
          throw error
        }
      )
    this.inflight = { promise, startedAt: now, generation }
    return promise
  }

  invalidate(): void {
    this.generation++
    this.entry = null
    this.inflight = null
  }
}
