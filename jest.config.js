const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true, tsx: true },
          target: "es2021",
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.lilium/"],
  setupFiles: ["./integration-tests/setup.js"],
}

const type = process.env.TEST_TYPE
if (type === "integration:http") {
  module.exports.testMatch = ["**/integration-tests/http/**/*.spec.[jt]s"]
  // Each file boots a whole Medusa app in beforeAll.
  module.exports.testTimeout = 240 * 1000
} else if (type === "integration:modules") {
  module.exports.testMatch = ["**/src/modules/*/__tests__/**/*.spec.[jt]s"]
  // Pure unit specs that live next to a module run in the unit layer only.
  module.exports.testPathIgnorePatterns = ["/node_modules/", "\\.unit\\.spec\\."]
  module.exports.testTimeout = 60 * 1000
} else if (type === "unit") {
  module.exports.testMatch = [
    "**/src/**/__tests__/**/*.unit.spec.[jt]s",
    "**/scripts/__tests__/**/*.unit.spec.[jt]s",
    "**/integration-tests/helpers/__tests__/**/*.unit.spec.[jt]s",
  ]
}
