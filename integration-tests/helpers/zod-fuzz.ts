import fc from "fast-check"

/**
 * Malformed request bodies generated from a route's zod schema (zod 4, the
 * version @medusajs/framework/zod re-exports; its definitions live on
 * `schema._zod.def`). Three kinds:
 *
 * - `oneBrokenCases`: a valid body with exactly one thing broken (a required
 *   field missing, a field of the wrong type, a negative or out-of-range
 *   number, a huge string or array, an unknown field, a deeply nested object),
 *   one or more per field, deterministic;
 * - `malformedArbitrary`: fast-check's version of the same plus fully random
 *   junk (`fc.anything()`) and random unknown fields, always a body the
 *   schema refuses;
 * - `hostileValidBodies`: bodies the schema *accepts* but that carry hostile
 *   values (NUL, lone surrogates, RTL override + emoji + combining marks +
 *   zero-width + SQL-ish text, 100k-character strings, extreme numbers): the route may take them or refuse them, but
 *   never with a 500.
 */

export type Path = (string | number)[]
export type Case = { label: string; body: unknown; json: string }
export type Slot = { path: Path; schema: any; required: boolean; kind: string }

const def = (s: any) => s?._zod?.def
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional", "success"])
export const NONE = Symbol("none")

/** The schema that reads the input: wrappers and pipes peeled off. */
export function inputSchema(s: any): any {
  for (let i = 0; i < 50; i++) {
    const d = def(s)
    if (!d) return s
    if (WRAPPERS.has(d.type)) s = d.innerType
    else if (d.type === "pipe") s = def(d.in)?.type === "transform" ? d.out : d.in
    else if (d.type === "lazy") s = d.getter()
    else return s
  }
  return s
}

export const kindOf = (s: any): string => def(inputSchema(s))?.type ?? "unknown"

/** Whether the schema accepts the value (a schema that throws counts as refusing it). */
export function accepts(s: any, v: unknown): boolean {
  try {
    return s.safeParse(v).success
  } catch {
    return false
  }
}

const roundTrip = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)))
const mkCase = (label: string, body: unknown): Case => {
  const json = JSON.stringify(body) ?? "null"
  return { label, body: JSON.parse(json), json }
}

// ---- valid examples -------------------------------------------------------

type Rnd = () => number
function mulberry32(seed: number): Rnd {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const shuffle = <T>(xs: T[], rnd: Rnd | null): T[] => {
  if (!rnd) return xs
  const a = [...xs]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a
}

function stringCandidates(core: any): string[] {
  const min = core.minLength ?? 0
  const max = core.maxLength ?? Infinity
  const fmt = core.format
  const out = [
    ...(fmt === "email" ? ["fuzz@example.com"] : []),
    ...(fmt === "url" ? ["https://example.com/fuzz"] : []),
    "abc",
    "fuzz-handle",
    "a fuzz reason",
    "eur",
    "de",
    "DE123456789",
    "2026-01-02T03:04:05.000Z",
    "2027-01-02T03:04:05.000Z",
    "https://example.com/fuzz",
    "fuzz@example.com",
    "a".repeat(Math.max(min, 1)),
    "fuzz".repeat(Math.ceil(Math.max(min, 20) / 4)),
  ]
  return out.filter((s) => s.length >= min && s.length <= max)
}

function candidates(s: any, full: boolean, rnd: Rnd | null, depth: number): unknown[] {
  const core = inputSchema(s)
  const d = def(core)
  if (!d || depth > 12) return []
  switch (d.type) {
    case "string":
      return shuffle(stringCandidates(core), rnd)
    case "number":
    case "int": {
      const nums = [1, 2, 10, 0, 100, 0.5, core.minValue, core.maxValue].filter((n) => typeof n === "number" && Number.isFinite(n))
      return shuffle(nums, rnd)
    }
    case "boolean":
      return shuffle([true, false], rnd)
    case "enum":
      return shuffle(Object.values(d.entries), rnd)
    case "literal":
      return [...d.values]
    case "null":
      return [null]
    case "date":
      return shuffle(["2026-01-02T03:04:05.000Z", "2027-01-02T03:04:05.000Z"], rnd)
    case "any":
    case "unknown":
      return ["fuzz"]
    case "record":
      return full ? [{ fuzz_key: example(d.valueType, full, rnd, depth + 1) }, {}] : [{}]
    case "array": {
      const n = Math.max(core._zod.bag?.minimum ?? 0, 1)
      const el = example(d.element, full, rnd, depth + 1)
      return el === NONE ? [[]] : [Array.from({ length: n }, () => el)]
    }
    case "tuple": {
      const items = d.items.map((i: any) => example(i, full, rnd, depth + 1))
      return items.includes(NONE) ? [] : [items]
    }
    case "union":
      for (const o of shuffle(d.options, rnd)) {
        const v = example(o, full, rnd, depth + 1)
        if (v !== NONE) return [v]
      }
      return []
    case "object": {
      const obj: Record<string, unknown> = {}
      for (const [k, field] of Object.entries<any>(d.shape)) {
        const optional = accepts(field, undefined)
        if (optional && !full) continue
        if (optional && rnd && rnd() < 0.15) continue
        const v = example(field, full, rnd, depth + 1)
        if (v === NONE) {
          if (!optional) return []
          continue
        }
        obj[k] = v
      }
      return [obj]
    }
    default:
      return []
  }
}

/** A value the schema accepts, or NONE. */
function example(s: any, full: boolean, rnd: Rnd | null, depth = 0): unknown {
  const d = def(s)
  if (d?.type === "nullable" && rnd && rnd() < 0.2) return null
  for (const c of candidates(s, full, rnd, depth)) {
    if (accepts(s, roundTrip(c))) return c
  }
  return NONE
}

/**
 * A body the schema accepts: with only the required fields (`full: false`)
 * or with every field (`full: true`). Random choices (enum values, nulls,
 * numbers) are retried with seeded randomness until cross-field rules
 * (superRefine) are met. Undefined when no such body was found.
 */
export function validBody(schema: any, full: boolean): unknown {
  for (let attempt = 0; attempt < 60; attempt++) {
    const v = example(schema, full, attempt === 0 ? null : mulberry32(attempt), 0)
    if (v !== NONE && accepts(schema, roundTrip(v))) return roundTrip(v)
  }
  return undefined
}

// ---- slots: the places in a body that can be broken -----------------------

/** Every field of `value` the schema knows (nested objects and the first array element included). */
export function slots(schema: any, value: unknown, path: Path = [], out: Slot[] = []): Slot[] {
  const core = inputSchema(schema)
  const d = def(core)
  if (!d || path.length > 10) return out
  if (d.type === "object") {
    for (const [k, field] of Object.entries<any>(d.shape)) {
      out.push({ path: [...path, k], schema: field, required: !accepts(field, undefined), kind: kindOf(field) })
      const v = (value as any)?.[k]
      if (v !== undefined && v !== null) slots(field, v, [...path, k], out)
    }
  } else if (d.type === "array" && Array.isArray(value) && value.length) {
    out.push({ path: [...path, 0], schema: d.element, required: true, kind: kindOf(d.element) })
    slots(d.element, value[0], [...path, 0], out)
  } else if (d.type === "union") {
    const option = d.options.find((o: any) => accepts(o, value))
    if (option) slots(option, value, path, out)
  }
  return out
}

const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)))
export function setPath(body: unknown, path: Path, value: unknown, remove = false): unknown {
  if (!path.length) return value
  const out: any = clone(body)
  let cur = out
  for (const key of path.slice(0, -1)) cur = cur[key]
  const last = path[path.length - 1]
  if (remove) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1)
    else delete cur[last]
  } else cur[last] = value
  return out
}
export const getPath = (body: unknown, path: Path): unknown => path.reduce((v: any, k) => v?.[k], body)

// ---- bad values -------------------------------------------------------------

const deep = (n: number) => {
  const root: any = {}
  let o = root
  for (let i = 0; i < n; i++) o = o.a = {}
  return root
}

/** Strings a database, a log line or a browser may choke on. */
export const HOSTILE_STRINGS: Record<string, string> = {
  nul: "fuzz\u0000nul",
  rtl: "\u202Efdp.exe\u202C abc",
  emoji: "👩🏽‍💻🏳️‍🌈 ünïcödé 𝕏",
  combining: "Z\u0334\u0321\u031Ba\u0337l\u0336g\u0338o\u0335",
  lone_surrogate: "abc\uD800def",
  zero_width: "a\u200Bb\uFEFFc",
  sql: "'; drop table vendor; --",
  huge: "x".repeat(100_000),
}

/** The hostile strings tried where a schema accepts them (each is one request per route). */
const HOSTILE_VALID: Record<string, string> = {
  nul: HOSTILE_STRINGS.nul,
  lone_surrogate: HOSTILE_STRINGS.lone_surrogate,
  unicode: `${HOSTILE_STRINGS.rtl} ${HOSTILE_STRINGS.emoji} ${HOSTILE_STRINGS.combining} ${HOSTILE_STRINGS.zero_width} ${HOSTILE_STRINGS.sql}`,
  huge: HOSTILE_STRINGS.huge,
}

/** Values of the wrong type or out of range, grouped so each group yields one case per field. */
const BAD_GROUPS: Record<string, unknown[]> = {
  number: [12345, -1, 1.5, -0.5, 1e21, Number.MAX_SAFE_INTEGER + 2],
  numeric_string: ["NaN", "Infinity", "-1", "1e309", "0x10", ""],
  string: ["abc", " "],
  boolean: [true, false],
  null: [null],
  array: [[], ["abc"], [1, 2, 3]],
  object: [{}, { $gt: "" }, { __proto__x: { admin: true } }],
  nested: [deep(300)],
  nul: [HOSTILE_STRINGS.nul],
  huge_string: [HOSTILE_STRINGS.huge],
}

/**
 * A valid body with exactly one thing broken: a required field missing, one
 * value per wrong-type group, a huge array for arrays, an unknown key in each
 * object, and non-object bodies. Only bodies the schema refuses are kept.
 *
 * Up to `max` cases: one per field first (fields in a seeded order, the kind
 * of breakage rotating with the seed), then a second per field, and so on.
 * Cases are built lazily, so a large schema (Medusa's product body) costs
 * only the cases taken.
 */
export function oneBrokenCases(schema: any, base: unknown, max = Infinity, seed = 0): Case[] {
  const tryCase = (label: string, body: unknown): Case | undefined => {
    const c = mkCase(label, body)
    return accepts(schema, c.body) ? undefined : c
  }
  const perSlot: (() => Case | undefined)[][] = slots(schema, base).map((slot) => {
    const at = slot.path.join(".")
    const gens: (() => Case | undefined)[] = []
    if (slot.required) gens.push(() => tryCase(`${at}: missing`, setPath(base, slot.path, undefined, true)))
    for (const [group, values] of Object.entries(BAD_GROUPS)) {
      gens.push(() => {
        for (const x of values) {
          const c = tryCase(`${at}: ${group}`, setPath(base, slot.path, x))
          if (c) return c
        }
      })
    }
    if (slot.kind === "array") {
      gens.push(() => {
        // Up to 10,000 elements, kept under the 1mb body limit (a 413 tests nothing).
        const el = getPath(base, [...slot.path, 0]) ?? 0
        const n = Math.min(10_000, Math.floor(500_000 / (JSON.stringify(el).length + 1)))
        return tryCase(
          `${at}: ${n} elements`,
          setPath(
            base,
            slot.path,
            Array.from({ length: n }, () => el)
          )
        )
      })
    }
    if (slot.kind === "object") {
      gens.push(() => {
        const v = getPath(base, slot.path)
        return v && typeof v === "object" ? tryCase(`${at}: unknown field`, setPath(base, [...slot.path, "fuzz_unknown"], "x")) : undefined
      })
    }
    return gens
  })
  const whole: (() => Case | undefined)[] = [[], "a string", 42, true, null, deep(300)].map(
    (v) => () => tryCase(`(body): ${JSON.stringify(v).slice(0, 20)}`, v)
  )
  if (base && typeof base === "object")
    whole.unshift(() => tryCase("(body): unknown top-level field", { ...(base as object), fuzz_unknown: 1 }))
  perSlot.push(whole)

  const rnd = mulberry32(seed || 1)
  const order = perSlot
    .map((g) => [rnd(), shuffle(g, seed ? rnd : null)] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, g]) => g)
  const out: Case[] = []
  const seen = new Set<string>()
  const cursor = order.map(() => 0)
  for (let progressed = true; progressed && out.length < max;) {
    progressed = false
    for (let i = 0; i < order.length && out.length < max; i++) {
      // The next breakage of this field that the schema refuses.
      while (cursor[i] < order[i].length) {
        const c = order[i][cursor[i]++]()
        if (c && !seen.has(c.json)) {
          seen.add(c.json)
          out.push(c)
          progressed = true
          break
        }
      }
    }
  }
  return out
}

/**
 * fast-check: one field of the base replaced by an arbitrary bad value or
 * removed, arbitrary unknown fields added, or arbitrary junk. Always a body
 * the schema refuses.
 */
export function malformedArbitrary(schema: any, base: unknown): fc.Arbitrary<Case> | null {
  // A schema that takes anything (z.any()) has no malformed body; filtering for one would never end.
  if (![null, 42, "x", [], { fuzz_unknown: 1 }].some((v) => !accepts(schema, v))) return null
  const fields = slots(schema, base)
  const badValue = fc.oneof(
    fc.constantFrom(...Object.values(BAD_GROUPS).flat()),
    fc.integer({ min: -(2 ** 31), max: -1 }),
    fc.double(),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.constantFrom(...Object.values(HOSTILE_STRINGS)),
    fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 8 }),
    fc.object({ maxDepth: 2 }),
    fc.anything({ maxDepth: 3 })
  )
  const arbs: fc.Arbitrary<Case>[] = [
    fc.anything({ maxDepth: 4 }).map((v) => mkCase("junk", v)),
    fc
      .dictionary(fc.string({ minLength: 1, maxLength: 20 }), fc.anything({ maxDepth: 2 }), { minKeys: 1, maxKeys: 4 })
      .map((extra) => mkCase(`extra fields ${Object.keys(extra).join(",")}`.slice(0, 80), { ...(base as object), ...extra })),
  ]
  if (fields.length) {
    arbs.push(
      fc
        .tuple(fc.constantFrom(...fields), badValue)
        .map(([slot, v]) => mkCase(`${slot.path.join(".")}: ${String(JSON.stringify(v)).slice(0, 40)}`, setPath(base, slot.path, v))),
      fc.constantFrom(...fields).map((slot) => mkCase(`${slot.path.join(".")}: removed`, setPath(base, slot.path, undefined, true)))
    )
  }
  return fc.oneof(...arbs).filter((c) => !accepts(schema, c.body))
}

/**
 * Bodies the schema accepts that carry one hostile value in every string
 * field that takes it (one body per hostile string), or one extreme number
 * in every number field that takes it.
 */
export function hostileValidBodies(schema: any, base: unknown): Case[] {
  const out: Case[] = []
  const leaves = slots(schema, base).filter((s) => getPath(base, s.path) !== undefined)
  const fill = (label: string, kind: string, value: unknown) => {
    let body = clone(base)
    let n = 0
    for (const s of leaves.filter((l) => l.kind === kind)) {
      const next = setPath(body, s.path, value)
      // Stay well under the 1mb body limit (a 413 would test nothing).
      if (JSON.stringify(next).length > 600_000) break
      if (accepts(schema, roundTrip(next))) {
        body = next
        n++
      }
    }
    if (n) out.push(mkCase(`${label} in ${n} field(s)`, body))
  }
  for (const [name, s] of Object.entries(HOSTILE_VALID)) fill(name, "string", s)
  for (const x of [1e21, 1e308]) fill(`number ${x}`, "number", x)
  return out
}

export { mkCase }
