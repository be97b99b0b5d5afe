import { validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"

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
  queryConfig?: Record<string, unknown>
}

export function validateBody(schema: z.ZodTypeAny): SchemaMiddleware {
  const mw = validateAndTransformBody(schema as any) as SchemaMiddleware
  mw.bodySchema = schema
  return mw
}

export function validateQuery(schema: z.ZodTypeAny, config: Record<string, unknown> = {}): SchemaMiddleware {
  const mw = validateAndTransformQuery(schema as any, config as any) as SchemaMiddleware
  mw.querySchema = schema
  mw.queryConfig = config
  return mw
}
