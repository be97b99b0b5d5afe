/**
 * Polls `read` every 100 ms until `check` holds or `tries` run out, and
 * returns the last value read: subscribers (capture on order.placed, refund
 * reconciliation, analytics facts) run after the response, so tests wait for
 * their effect. The caller asserts on the value, so a timeout fails there
 * with the value it actually saw.
 */
export async function waitFor<T>(read: () => Promise<T>, check: (value: T) => boolean, tries = 100): Promise<T> {
  let value = await read()
  for (let i = 0; i < tries && !check(value); i++) {
    await new Promise((r) => setTimeout(r, 100))
    value = await read()
  }
  return value
}

/** axios options for a request whose error status the test asserts itself. */
export const noThrow = { validateStatus: () => true }
