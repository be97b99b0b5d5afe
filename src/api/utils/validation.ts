import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

/**
 * Medusa's validateAndTransformBody / validateAndTransformQuery, with the
 * schema (and query config) kept on the middleware. Every Lilium route is
 * validated through these two, so the generated tests (the bad-input fuzz
 * and the isolation matrix) read each route's schema from the one route
 * table in src/api/middlewares.ts instead of from a list someone maintains.
 */
export type SchemaMiddleware = ((req: any, res: any, next: any) => unknown) & {
  bodySchema?: z.ZodTypeAny
  querySchema?: z.ZodTypeAny
  queryConfig?: QueryConfig
}

export type QueryConfig = {
  defaults?: string[]
  /** Every field a client may ask for with `fields`; required when the schema takes `fields`. */
  allowed?: string[]
  defaultLimit?: number
  isList?: boolean
}

/** The largest page any list answers. */
export const MAX_PAGE_SIZE = 100

export function validateBody(schema: z.ZodTypeAny): SchemaMiddleware {
  const mw = validateAndTransformBody(schema as any) as SchemaMiddleware
  mw.bodySchema = schema
  return mw
}

export function validateQuery(schema: z.ZodTypeAny, config: QueryConfig = {}): SchemaMiddleware {
  const takesFields = schema instanceof z.ZodObject && "fields" in schema.shape
  if (takesFields && !config.allowed?.length) {
    throw new Error("A query that takes `fields` needs an allow-list (queryConfig.allowed).")
  }
  const medusa = validateAndTransformQuery(schema as any, config as any)
  const allowed = new Set(config.allowed ?? [])
  const mw = ((req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    if (takesFields) {
      const refused = refusedFields(req.query.fields, allowed)
      if (refused.length) {
        return next(
          new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `Fields not allowed here: ${refused.join(", ")}. Allowed fields: ${[...allowed].join(", ")}.`
          )
        )
      }
    }
    return medusa(req, res, next)
  }) as SchemaMiddleware
  mw.querySchema = schema
  mw.queryConfig = config
  return mw
}

/**
 * The requested fields outside the allow-list. Medusa's own allow-list drops
 * such fields silently; Lilium answers 400 so a client learns at once that
 * `order.items.*` is not something it may read.
 */
export function refusedFields(raw: unknown, allowed: Set<string>): string[] {
  if (raw === undefined) return []
  const list = (Array.isArray(raw) ? raw : [raw]).flatMap((r) => String(r).split(","))
  return list
    .map((t) => t.trim())
    .filter(Boolean)
    .filter((t) => {
      const bare = t.replace(/^[-+]/, "").replace(/^\*/, "").replace(/\.\*$/, "")
      // A star selects the whole relation: every field under it must be allowed.
      const star = t.includes("*")
      if (star) return !allowed.has(`${bare}.*`)
      return !allowed.has(bare)
    })
}

/** Medusa's list parameters (offset, limit, order, fields) with the page size capped. */
export function findParams(defaults: { limit: number; offset?: number; order?: string }) {
  return createFindParams({ offset: 0, ...defaults }).extend({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(defaults.limit),
    offset: z.coerce.number().int().min(0).default(defaults.offset ?? 0),
  })
}
