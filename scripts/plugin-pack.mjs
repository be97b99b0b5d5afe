#!/usr/bin/env node
// Builds and packs Lilium as a Medusa plugin (@lilium/medusa-plugin, issue 15).
//
// The repo root stays the demo app; `src/` is the single source. This stages
// plugin/{package.json,tsconfig.json,README.md} and `src/` (without tests and
// the test-only payment-decline provider) into the gitignored .lilium/plugin/,
// runs `medusa plugin:build` there (it always reads ./tsconfig.json and writes
// ./.medusa/server, so it cannot run on the root) and `npm pack`s the result
// into .lilium/lilium-medusa-plugin-<version>.tgz. The stage needs no install:
// typescript, @medusajs/cli, the admin bundler and vite resolve from the
// repo's node_modules by walking up.
//
//   node scripts/plugin-pack.mjs            build and pack (prints the tarball path last)
//   node scripts/plugin-pack.mjs --no-pack  build only
//   LILIUM_PLUGIN_SRC=head ...              stage src/ as committed (git archive HEAD),
//                                           not the working tree
import { execFileSync, spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const stage = path.join(root, ".lilium", "plugin")
const out = path.join(root, ".lilium")
const pack = !process.argv.includes("--no-pack")
const say = (m) => console.log(`[plugin-pack] ${m}`)
const t0 = Date.now()

/** Files of src/ that are not part of the plugin. */
const skip = (rel) =>
  rel.split(path.sep).includes("__tests__") ||
  /\.(spec|test)\.[jt]sx?$/.test(rel) ||
  rel.startsWith(path.join("providers", "payment-decline")) ||
  // The API reference page serves the app's docs/openapi.yaml with swagger-ui-dist: the app's, not the plugin's.
  rel === path.join("api", "docs") ||
  rel.startsWith(path.join("api", "docs") + path.sep) ||
  path.basename(rel).startsWith(".snapshot-")

function copySrc(from, to, rel = "") {
  for (const entry of fs.readdirSync(path.join(from, rel), { withFileTypes: true })) {
    const r = path.join(rel, entry.name)
    if (skip(r)) continue
    if (entry.isDirectory()) copySrc(from, to, r)
    else if (entry.isFile()) {
      fs.mkdirSync(path.dirname(path.join(to, r)), { recursive: true })
      fs.copyFileSync(path.join(from, r), path.join(to, r))
    }
  }
}

fs.rmSync(stage, { recursive: true, force: true })
fs.mkdirSync(stage, { recursive: true })

const rootPkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
const pkg = JSON.parse(fs.readFileSync(path.join(root, "plugin", "package.json"), "utf8"))
pkg.version = rootPkg.version
fs.writeFileSync(path.join(stage, "package.json"), JSON.stringify(pkg, null, 2) + "\n")
for (const f of ["tsconfig.json", "README.md"]) {
  if (fs.existsSync(path.join(root, "plugin", f))) fs.copyFileSync(path.join(root, "plugin", f), path.join(stage, f))
}
if (fs.existsSync(path.join(root, "LICENSE"))) fs.copyFileSync(path.join(root, "LICENSE"), path.join(stage, "LICENSE"))

if (process.env.LILIUM_PLUGIN_SRC === "head") {
  const tmp = path.join(out, "plugin-src-head")
  fs.rmSync(tmp, { recursive: true, force: true })
  fs.mkdirSync(tmp, { recursive: true })
  const tar = execFileSync("git", ["archive", "--format=tar", "HEAD", "src"], { cwd: root, maxBuffer: 1 << 30 })
  execFileSync("tar", ["-x", "-C", tmp], { input: tar })
  copySrc(path.join(tmp, "src"), path.join(stage, "src"))
  fs.rmSync(tmp, { recursive: true, force: true })
  say("staged src/ from git HEAD")
} else {
  copySrc(path.join(root, "src"), path.join(stage, "src"))
  say("staged src/ from the working tree")
}

say(`medusa plugin:build in ${path.relative(root, stage)}/ (type-checks src, bundles src/admin)`)
const medusa = path.join(root, "node_modules", "@medusajs", "cli", "cli.js")
const build = spawnSync(process.execPath, [medusa, "plugin:build"], {
  cwd: stage,
  stdio: "inherit",
  env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", NODE_ENV: "production" },
})
if (build.status !== 0) {
  console.error(`[plugin-pack] medusa plugin:build failed (exit ${build.status})`)
  process.exit(1)
}
for (const f of ["src/modules/vendor/index.js", "src/admin/index.mjs", "src/admin/index.js"]) {
  if (!fs.existsSync(path.join(stage, ".medusa", "server", f))) {
    console.error(`[plugin-pack] the build has no .medusa/server/${f}`)
    process.exit(1)
  }
}
// Written by `plugin:develop` only; it would make hosts load the admin from a source folder.
fs.rmSync(path.join(stage, ".medusa", "server", "medusa-plugin-options.json"), { force: true })
say(`built in ${Math.round((Date.now() - t0) / 1000)}s`)
if (!pack) process.exit(0)

const res = JSON.parse(
  execFileSync("npm", ["pack", "--json", "--pack-destination", out], {
    cwd: stage,
    encoding: "utf8",
    env: { ...process.env, npm_config_ignore_scripts: "true" },
  })
)[0]
const tgz = path.join(out, res.filename)
say(
  `${res.name}@${res.version}: ${(res.size / 1024).toFixed(0)} kB packed, ${(res.unpackedSize / 1024 / 1024).toFixed(2)} MB unpacked, ${res.entryCount} files (${Math.round((Date.now() - t0) / 1000)}s)`
)
console.log(tgz)
