import fs from "node:fs"
import path from "node:path"

const { SERVER_V8_OPTIONS, serverNodeOptions } = require("../lib/node-options.cjs")

describe("the V8 options of the Medusa processes (decision 95)", () => {
  it("adds the young-generation size to an empty NODE_OPTIONS", () => {
    expect(serverNodeOptions(undefined)).toBe("--max-semi-space-size=64")
    expect(serverNodeOptions("")).toBe("--max-semi-space-size=64")
  })

  it("keeps the options already there as written and adds its own after them", () => {
    expect(serverNodeOptions("--enable-source-maps  --max-old-space-size=4096")).toBe(
      "--enable-source-maps  --max-old-space-size=4096 --max-semi-space-size=64"
    )
    expect(serverNodeOptions(' --require "./my hooks.js" ')).toBe('--require "./my hooks.js" --max-semi-space-size=64')
  })

  it("leaves an operator's own semi-space size as set", () => {
    expect(serverNodeOptions("--max-semi-space-size=16")).toBe("--max-semi-space-size=16")
    expect(serverNodeOptions("--inspect --max-semi-space-size=128")).toBe("--inspect --max-semi-space-size=128")
    // V8's other spelling of the same option: appending ours would override it (the last occurrence wins).
    expect(serverNodeOptions("--max_semi_space_size=32")).toBe("--max_semi_space_size=32")
  })

  it("is what the production image runs with", () => {
    const dockerfile = fs.readFileSync(path.resolve(__dirname, "..", "..", "Dockerfile"), "utf8")
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("FROM "))
    expect(runtime).toContain(`ENV NODE_OPTIONS=${SERVER_V8_OPTIONS.join(" ")}\n`)
  })
})
