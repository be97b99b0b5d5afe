import type Redis from "ioredis"
import { marketplaceGauges } from "./index"

/**
 * Medusa's BullMQ queues when Redis is configured: the event bus
 * (`RedisEventBusService:events-queue`) and the workflow engine's scheduling
 * queues (`bull:medusa-workflows`, `bull:medusa-workflows-jobs`). Read with
 * LLEN/ZCARD on BullMQ's keys: no BullMQ client needed, one round trip.
 */
export const MEDUSA_QUEUES = [
  { queue: "events", key: "RedisEventBusService:events-queue" },
  { queue: "workflows", key: "bull:medusa-workflows" },
  { queue: "workflow-jobs", key: "bull:medusa-workflows-jobs" },
]
const LISTS = ["wait", "active", "paused"]
const SETS = ["delayed", "prioritized", "failed"]

export async function collectQueueDepth(redis: Redis): Promise<void> {
  const pipeline = redis.pipeline()
  for (const q of MEDUSA_QUEUES) {
    for (const s of LISTS) pipeline.llen(`${q.key}:${s}`)
    for (const s of SETS) pipeline.zcard(`${q.key}:${s}`)
  }
  const results = (await pipeline.exec()) ?? []
  let i = 0
  for (const q of MEDUSA_QUEUES) {
    for (const state of [...LISTS, ...SETS]) {
      const [err, n] = results[i++] ?? [new Error("missing"), 0]
      if (!err) marketplaceGauges.eventQueueJobs.set({ queue: q.queue, state }, Number(n))
    }
  }
}
