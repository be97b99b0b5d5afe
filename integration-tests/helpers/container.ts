import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * The running app's container for helpers that read what the app keeps
 * (a sent notification's data) without an API: set by the runner for the
 * spec file it runs (jest gives every file its own module registry).
 */
let current: (() => MedusaContainer) | undefined

export function useTestContainer(getContainer: () => MedusaContainer) {
  current = getContainer
}

export function testContainer(): MedusaContainer {
  if (!current) throw new Error("No app container: helpers that read the app's data run inside liliumIntegrationTestRunner")
  return current()
}
