import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { validateBody, validateQuery } from "../validation"

/** Runs a middleware and resolves with what it passed to next. */
function run(mw: (req: any, res: any, next: any) => unknown, req: Record<string, unknown>) {
  return new Promise<unknown>((resolve) => {
    void mw({ ...req }, {}, (err?: unknown) => resolve(err))
  })
}

describe("validateBody / validateQuery", () => {
  const schema = z.object({ name: z.string().min(1), count: z.number().optional() }).strict()

  it("answers 400 for a value Medusa's message formatter cannot print (an object whose toString is a string)", async () => {
    const hostile = { name: { toString: "x", valueOf: 1 } }
    const err = await run(validateBody(schema), { body: hostile })
    expect(err).toBeInstanceOf(MedusaError)
    expect((err as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    expect((err as MedusaError).message).toMatch(/^Invalid request: name: /)

    const queryErr = await run(validateQuery(z.object({ q: z.string().optional() }).strict()), { query: { q: { toString: "x" } } })
    expect(queryErr).toBeInstanceOf(MedusaError)
    expect((queryErr as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
  })

  it("keeps Medusa's own messages and passes valid bodies through", async () => {
    const err = await run(validateBody(schema), { body: { name: 5 } })
    expect((err as MedusaError).message).toBe("Invalid request: Expected type: 'string' for field 'name', got: '5'")
    const req: Record<string, unknown> = { body: { name: "ok", count: 2 } }
    const ok = await new Promise((resolve) => void validateBody(schema)(req, {}, resolve))
    expect(ok).toBeUndefined()
    expect(req.validatedBody).toEqual({ name: "ok", count: 2 })
  })
})
