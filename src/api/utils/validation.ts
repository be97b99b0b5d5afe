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
  const medusa = validateAndTransformBody(schema)
  const mw = ((req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const bad = unstorableText(req.body)
    if (bad) return next(unstorableError(bad))
    return medusa(req, res, invalidInputAs400(schema, req.body, next))
  }) as SchemaMiddleware
  mw.bodySchema = schema
  return mw
}

/**
 * The `next` for Medusa's validators. Medusa's message formatter throws on
 * some invalid values (an object whose `toString` is a string: "Cannot
 * convert object to primitive value"), which answered 500 (found by the
 * bad-input fuzz). Input the schema refuses is still a 400: then the
 * message is built from zod's issues instead. Any other error passes on.
 */
function invalidInputAs400(schema: z.ZodTypeAny, input: unknown, next: MedusaNextFunction) {
  return (err?: unknown) => {
    if (!err || err instanceof MedusaError) return next(err)
    schema.safeParseAsync(input).then(
      (parsed) => next(parsed.success ? err : invalidBodyError(parsed.error)),
      () => next(err)
    )
  }
}

/** A 400 listing the first three zod issues by path, without echoing the values. */
function invalidBodyError(error: z.ZodError) {
  const issues = error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "body"}: ${i.message}`)
  return new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${issues.join("; ")}`)
}

// U+0000 and unpaired UTF-16 surrogates: PostgreSQL's text and jsonb cannot
// store them, so a body carrying one used to reach the database and fail there
// with a 500 (found by the generated bad-input test).
// eslint-disable-next-line no-control-regex -- NUL is the character this refuses.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** The path of the first string (or key) in `value` that PostgreSQL cannot store, or null. */
export function unstorableText(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, ""]]
  while (stack.length) {
    const [v, at] = stack.pop()!
    if (typeof v === "string") {
      if (UNSTORABLE.test(v)) return at || "(body)"
    } else if (v && typeof v === "object") {
      for (const [k, child] of Object.entries(v)) {
        const p = Array.isArray(v) ? `${at}[${k}]` : at ? `${at}.${k}` : k
        if (UNSTORABLE.test(k)) return p
        stack.push([child, p])
      }
    }
  }
  return null
}

const unstorableError = (at: string) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, `${at}: text must not contain NUL characters or unpaired surrogates`)

/**
 * The same for the URL path: an id such as `%00` would reach the database as
 * a query parameter and fail there. Runs on every route (src/api/middlewares.ts).
 */
export function refuseUnstorablePath(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  let path: string
  try {
    // originalUrl: under a mounted matcher, req.path is relative to the mount.
    path = decodeURIComponent((req.originalUrl ?? req.url).split("?")[0])
  } catch {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, "The URL path is not valid percent-encoded UTF-8."))
  }
  if (UNSTORABLE.test(path)) return next(unstorableError("path"))
  next()
}

export function validateQuery(schema: z.ZodTypeAny, config: QueryConfig = {}): SchemaMiddleware {
  const takesFields = schema instanceof z.ZodObject && "fields" in schema.shape
  if (takesFields && !config.allowed?.length) {
    throw new Error("A query that takes `fields` needs an allow-list (queryConfig.allowed).")
  }
  const medusa = validateAndTransformQuery(schema, config)
  const allowed = new Set(config.allowed ?? [])
  const mw = ((req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const bad = unstorableText(req.query)
    if (bad) return next(unstorableError(bad))
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
    return medusa(req, res, invalidInputAs400(schema, req.query, next))
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

/**
 * Medusa's list parameters (createFindParams: offset, limit, order, fields,
 * with_deleted) with the page size capped at `max` (MAX_PAGE_SIZE unless the
 * list says otherwise).
 */
export function findParams(defaults: { limit: number; offset?: number; order?: string; max?: number }) {
  const { max = MAX_PAGE_SIZE, ...rest } = defaults
  return createFindParams({ offset: 0, ...rest }).extend({
    limit: z.coerce.number().int().min(1).max(max).default(defaults.limit),
    offset: z.coerce
      .number()
      .int()
      .min(0)
      .default(defaults.offset ?? 0),
  })
}

/**
 * Only offset and limit of findParams, for lists whose handler pages by hand
 * and has no `fields` or `order` to offer (a strict schema then refuses them).
 */
export function pageParams(defaults: { limit: number; max?: number }) {
  return findParams(defaults).pick({ offset: true, limit: true })
}

/**
 * A URL that a tenant stores and others open (logos, tracking and label
 * links, product images): http(s) only, so `javascript:` or `data:` URLs
 * never reach a page that renders them as links.
 */
export const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: "must be an http(s) URL" })

// EU VAT ids (country prefix + 2–12 alphanumerics) or US EINs (12-3456789).
const TAX_ID = /^([A-Z]{2}[A-Z0-9]{2,12}|\d{2}-?\d{7})$/

/** A tax id as vendors and buying companies give it: spaces and dots dropped, upper-cased, EU VAT or US EIN. */
export const taxId = z
  .string()
  .transform((v) => v.replace(/[\s.]/g, "").toUpperCase())
  .refine((v) => TAX_ID.test(v), {
    message: "tax_id must be an EU VAT id (e.g. DE123456789) or a US EIN (e.g. 12-3456789)",
  })
