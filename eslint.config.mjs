// ESLint (flat config) for the repository: npm run lint. typescript-eslint's
// recommended rules without type information (fast enough for every CI run),
// plus the project's own rules. Module boundaries are dependency-cruiser's job
// (.dependency-cruiser.cjs, npm run lint:deps); formatting is Prettier's.
import js from "@eslint/js"
import tseslint from "typescript-eslint"
import globals from "globals"

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "public/**",
      ".medusa/**",
      ".lilium/**",
      "dist/**",
      "build/**",
      "coverage/**",
      "e2e-screenshots/**",
      "bench/out/**",
      "plugin/fixture-host/**",
      "vendor-panel/dist/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `any` in a type position is sometimes the honest type of Medusa's
      // loosely typed APIs; the cast `as any` is what hides mistakes, and
      // each one left must say why (the rule below).
      "@typescript-eslint/no-explicit-any": "off",
      "no-restricted-syntax": [
        "error",
        {
          selector: "TSAsExpression > TSAnyKeyword",
          message:
            "`as any` hides a type error. Type it; where Medusa's types force the cast, disable this rule on the line with a reason.",
        },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      // Medusa's module and loader conventions use require() in a few config files.
      "@typescript-eslint/no-require-imports": "off",
      // `ok || next(err)` and `cond ? a() : b()` are how the middlewares read.
      "@typescript-eslint/no-unused-expressions": ["error", { allowShortCircuit: true, allowTernary: true }],
      // Best-effort clean-up (closing a server, removing a temp folder) ignores its errors on purpose.
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    // Tests may cast freely to reach into responses and build hostile input.
    files: ["**/__tests__/**", "integration-tests/**", "e2e/**", "bench/**"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // The vendor panel (issue 22) runs in the browser.
    files: ["vendor-panel/src/**"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["src/admin/**"],
    languageOptions: { globals: { ...globals.browser } },
  }
)
