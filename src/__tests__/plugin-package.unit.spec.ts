import fs from "node:fs"
import { builtinModules } from "node:module"
import path from "node:path"

/**
 * Guards for the plugin package (issue 15, scripts/plugin-pack.mjs): the
 * manifest in plugin/ stays in step with the app, and nothing in src/ needs a
 * package a host store would not have. The plugin test (npm run test:plugin)
 * proves the package in a real store; these catch the same mistakes in
 * seconds.
 */
const root = path.resolve(__dirname, "..", "..")
const read = (p: string) => JSON.parse(fs.readFileSync(path.join(root, p), "utf8"))
const rootPkg = read("package.json")
const pluginPkg = read("plugin/package.json")
const hostPkg = read("plugin/fixture-host/package.json")
const deps = (pkg: any) => ({ ...pkg.dependencies, ...pkg.devDependencies })

/** Admin extensions are bundled with these as externals; the host's dashboard provides them (@medusajs/admin-bundler). */
const ADMIN_EXTERNALS = [
  "react",
  "react-dom",
  "react-router-dom",
  "react-i18next",
  "@tanstack/react-query",
  "@medusajs/js-sdk",
  "@medusajs/admin-sdk",
]

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? files(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : []
  })
}
const isTest = (p: string) => p.split(path.sep).includes("__tests__") || /\.(spec|test)\.tsx?$/.test(p)
const packageOf = (spec: string) => (spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0])
function bareImports(file: string): string[] {
  const text = fs.readFileSync(file, "utf8")
  const out = new Set<string>()
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*|^import\s+)["']([^"']+)["']/gm)) {
    if (!m[1].startsWith(".") && !m[1].startsWith("/")) out.add(m[1])
  }
  return [...out]
}

describe("plugin/package.json (@lilium/medusa-plugin)", () => {
  it("has the app's version, and Medusa versions that match the app's", () => {
    expect(pluginPkg.name).toBe("@lilium/medusa-plugin")
    expect(pluginPkg.version).toBe(rootPkg.version)
    const appDeps = deps(rootPkg)
    for (const [name, range] of Object.entries<string>(pluginPkg.peerDependencies)) {
      const version = appDeps[name]
      expect({ name, version: version ?? "missing in the app" }).toEqual({ name, version: expect.stringMatching(/^\d/) })
      // ~x.y.z / ^x.y.z: the app's exact version is the lower bound.
      expect({ name, range }).toEqual({ name, range: expect.stringMatching(new RegExp(`^[~^]${version.replace(/\./g, "\\.")}$`)) })
      if (pluginPkg.devDependencies?.[name]) expect({ name, dev: pluginPkg.devDependencies[name] }).toEqual({ name, dev: version })
    }
    for (const [name, version] of Object.entries<string>(deps(pluginPkg))) {
      if (appDeps[name]) expect({ name, version }).toEqual({ name, version: appDeps[name] })
    }
  })

  it("the fixture host store pins the app's Medusa versions and install-script policy", () => {
    for (const [name, version] of Object.entries<string>(deps(hostPkg))) {
      if (name.startsWith("@medusajs/")) expect({ name, version }).toEqual({ name, version: deps(rootPkg)[name] })
    }
    for (const [name, allowed] of Object.entries(hostPkg.allowScripts ?? {}))
      expect({ name, allowed }).toEqual({ name, allowed: rootPkg.allowScripts[name] })
    const lock = read("plugin/fixture-host/package-lock.json")
    expect(lock.packages[""].dependencies).toEqual(hostPkg.dependencies)
    expect(lock.packages[""].devDependencies).toEqual(hostPkg.devDependencies)
  })

  it("exports what Medusa and hosts resolve, and publishes only the build", () => {
    expect(pluginPkg.files).toEqual([".medusa/server"])
    expect(pluginPkg.exports).toMatchObject({
      "./package.json": "./package.json",
      "./modules/*": "./.medusa/server/src/modules/*/index.js",
      "./providers/*": "./.medusa/server/src/providers/*/index.js",
      "./*": "./.medusa/server/src/*.js",
      "./admin": { import: "./.medusa/server/src/admin/index.mjs", require: "./.medusa/server/src/admin/index.js" },
    })
    // Every export that names a folder index has it in src/.
    for (const [key, target] of Object.entries<any>(pluginPkg.exports)) {
      if (typeof target !== "string" || key.includes("*") || key === "./package.json") continue
      expect(fs.existsSync(path.join(root, target.replace("./.medusa/server/", "").replace(/\.js$/, ".ts")))).toBe(true)
    }
    expect(pluginPkg.scripts?.prepare ?? pluginPkg.scripts?.postinstall ?? pluginPkg.scripts?.install).toBeUndefined()
  })

  it("keeps Medusa, React and the dashboard's libraries out of dependencies (one copy, the host's)", () => {
    const bad = Object.keys(pluginPkg.dependencies ?? {}).filter(
      (d) => d.startsWith("@medusajs/") || d.startsWith("@tanstack/") || /^react(-dom|-router-dom)?$/.test(d)
    )
    expect(bad).toEqual([])
    for (const d of Object.keys(pluginPkg.peerDependencies)) expect(d).toMatch(/^@medusajs\//)
  })

  it("every bare import of the plugin's code is a Node builtin or a declared dependency or peer", () => {
    const declared = new Set([...Object.keys(pluginPkg.dependencies ?? {}), ...Object.keys(pluginPkg.peerDependencies ?? {})])
    const builtins = new Set(builtinModules)
    const undeclared: string[] = []
    let seen = 0
    for (const file of files(path.join(root, "src"))) {
      const rel = path.relative(root, file)
      // Left out of the plugin by scripts/plugin-pack.mjs: the test-only provider and the app's API reference page.
      if (
        isTest(rel) ||
        rel.startsWith(path.join("src", "providers", "payment-decline")) ||
        rel.startsWith(path.join("src", "api", "docs"))
      )
        continue
      const admin = rel.startsWith(path.join("src", "admin"))
      for (const spec of bareImports(file)) {
        seen++
        const pkg = packageOf(spec)
        if (spec.startsWith("node:") || builtins.has(pkg) || declared.has(pkg)) continue
        if (admin && (ADMIN_EXTERNALS.includes(pkg) || spec === "react/jsx-runtime")) continue
        undeclared.push(`${rel}: ${spec}`)
      }
    }
    expect(undeclared).toEqual([])
    expect(seen).toBeGreaterThan(100) // the scan found the imports
  })

  it("every folder under src/modules is a Module (a ModuleProvider there crashes Medusa's plugin loader)", () => {
    const modules = fs.readdirSync(path.join(root, "src", "modules"), { withFileTypes: true })
    for (const entry of modules) {
      // resolvePlugin turns every entry of modules/ (files too) into a module.
      expect({ entry: entry.name, dir: entry.isDirectory() }).toEqual({ entry: entry.name, dir: true })
      const index = fs.readFileSync(path.join(root, "src", "modules", entry.name, "index.ts"), "utf8")
      expect({ module: entry.name, isModule: /export default Module\(/.test(index), isProvider: /ModuleProvider\(/.test(index) }).toEqual({
        module: entry.name,
        isModule: true,
        isProvider: false,
      })
    }
    for (const entry of fs.readdirSync(path.join(root, "src", "providers"))) {
      expect(fs.readFileSync(path.join(root, "src", "providers", entry, "index.ts"), "utf8")).toMatch(/ModuleProvider\(/)
    }
  })
})
