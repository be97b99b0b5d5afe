// Jest reporter that writes the run's test counts to LILIUM_COUNT_FILE, so
// that scripts/test.mjs can print one "N passed, N failed" line for all
// layers (jest's --json output chokes on circular axios errors).
const fs = require("node:fs")

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
      })
    )
  }
}

module.exports = CountReporter
