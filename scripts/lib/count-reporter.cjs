// Jest reporter that writes the run's test counts to LILIUM_COUNT_FILE, so
// that scripts/test.mjs can print one "N passed, N failed" line for all
// layers (jest's --json output chokes on circular axios errors), and each
// file's duration, so a CI log shows where the time goes.
const fs = require("node:fs")
const path = require("node:path")

class CountReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.LILIUM_COUNT_FILE
    if (!file) return
    fs.writeFileSync(
      file,
      JSON.stringify({
        numPassedTests: results.numPassedTests,
        numFailedTests: results.numFailedTests,
        numPendingTests: results.numPendingTests,
        numFailedTestSuites: results.numFailedTestSuites,
        numRuntimeErrorTestSuites: results.numRuntimeErrorTestSuites,
        files: results.testResults.map((r) => ({
          file: path.relative(process.cwd(), r.testFilePath),
          seconds: Math.round((r.perfStats.end - r.perfStats.start) / 100) / 10,
        })),
      })
    )
  }
}

module.exports = CountReporter
