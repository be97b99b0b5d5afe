import Medusa from "@medusajs/js-sdk"

/**
 * The JS SDK with the admin's own session (the dashboard logs in with a
 * cookie), for Lilium's /admin routes.
 */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  auth: { type: "session" },
})

/** GET a Lilium admin route with a query (arrays become repeated keys). */
export function get<T = any>(path: string, query: Record<string, unknown> = {}): Promise<T> {
  const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== "" && v !== null))
  return sdk.client.fetch<T>(path, { query: clean })
}

/** POST a JSON body to a Lilium admin route. */
export function post<T = any>(path: string, body: Record<string, unknown> = {}): Promise<T> {
  return sdk.client.fetch<T>(path, { method: "POST", body })
}

/** The API's message for a failed call, for toasts. */
export function errorMessage(e: unknown): string {
  return (e as { message?: string })?.message || "Something went wrong"
}
