// Line coverage of src/ across the three test layers (`COVERAGE=1 npm test`).
//
// Each layer runs jest with V8 coverage into coverage/<layer>/coverage-final.json
// (istanbul format); the layers are merged here, so a line covered only by an
// HTTP test counts the same as one covered by a unit test. Files that no test
// loads count as 0% (collectCoverageFrom lists them all).
import fs from "node:fs"
import path from "node:path"
import libCoverage from "istanbul-lib-coverage"

// What the figure is about: our code, not Medusa Admin's React pages (checked
// by the browser tests, not jest), tests or generated migrations' snapshots.
const INCLUDE = ["src/**/*.{ts,tsx}"]
const EXCLUDE = ["!src/admin/**", "!src/**/__tests__/**", "!src/**/*.d.ts", "!src/**/migrations/.snapshot-*.json"]

const layerDir = (root, layer) => path.join(root, "coverage", layer.replace(/[^a-z]+/g, "-"))

export function coverageArgs(root, layer) {
  const dir = layerDir(root, layer)
  fs.rmSync(dir, { recursive: true, force: true })
  return [
    "--coverage",
    "--coverageProvider=v8",
    `--coverageDirectory=${dir}`,
    "--coverageReporters=json",
    ...[...INCLUDE, ...EXCLUDE].map((glob) => `--collectCoverageFrom=${glob}`),
  ]
}

const pct = (covered, total) => (total === 0 ? 100 : (covered / total) * 100)

/**
 * Merges the layers' reports, writes coverage/coverage-final.json and
 * coverage/summary.json, and returns printable lines and whether the total is
 * below COVERAGE_MIN (percent of lines; 0 = report only).
 */
export function reportCoverage(root, layers, minimum = Number(process.env.COVERAGE_MIN ?? 0)) {
  const map = libCoverage.createCoverageMap({})
  const found = []
  for (const layer of layers) {
    const file = path.join(layerDir(root, layer), "coverage-final.json")
    if (!fs.existsSync(file)) continue
    map.merge(JSON.parse(fs.readFileSync(file, "utf8")))
    found.push(layer)
  }
  const byFolder = new Map()
  const total = libCoverage.createCoverageSummary()
  for (const file of map.files()) {
    const summary = map.fileCoverageFor(file).toSummary()
    total.merge(summary)
    const rel = path.relative(root, file).split(path.sep)
    const folder = rel.slice(0, Math.min(2, rel.length - 1)).join("/")
    if (!byFolder.has(folder)) byFolder.set(folder, libCoverage.createCoverageSummary())
    byFolder.get(folder).merge(summary)
  }
  fs.mkdirSync(path.join(root, "coverage"), { recursive: true })
  fs.writeFileSync(path.join(root, "coverage", "coverage-final.json"), JSON.stringify(map.toJSON()))
  const lines = total.lines
  const figure = pct(lines.covered, lines.total)
  const rows = [...byFolder.entries()].sort(([a], [b]) => a.localeCompare(b))
  fs.writeFileSync(
    path.join(root, "coverage", "summary.json"),
    JSON.stringify(
      {
        layers: found,
        lines: { covered: lines.covered, total: lines.total, pct: Number(figure.toFixed(2)) },
        folders: Object.fromEntries(rows.map(([f, s]) => [f, { covered: s.lines.covered, total: s.lines.total }])),
      },
      null,
      2
    )
  )
  const out = [`[lilium test] coverage of src/ (lines, layers: ${found.join(", ") || "none"}):`]
  for (const [folder, s] of rows) {
    out.push(`  ${folder.padEnd(28)} ${pct(s.lines.covered, s.lines.total).toFixed(1).padStart(5)}%  ${s.lines.covered}/${s.lines.total}`)
  }
  const below = minimum > 0 && figure < minimum
  out.push(
    `[lilium test] coverage: ${figure.toFixed(2)}% of lines (${lines.covered}/${lines.total})` +
      (minimum > 0 ? `, minimum ${minimum}%${below ? ": BELOW THE MINIMUM" : ": ok"}` : "")
  )
  return { lines: out, figure, belowMinimum: below }
}
