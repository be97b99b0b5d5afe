import Medusa, { FetchError } from "@medusajs/js-sdk"

declare const __LILIUM_BACKEND_URL__: string

/** The marketplace the panel calls: set at build time (VENDOR_PANEL_BACKEND_URL), else the origin serving the panel. */
export const BACKEND_URL = __LILIUM_BACKEND_URL__ || window.location.origin

const TOKEN_KEY = "lilium_vendor_token"

/** Medusa's JS SDK with bearer tokens in localStorage: the vendor API takes no cookies. */
export const sdk = new Medusa({
  baseUrl: BACKEND_URL,
  auth: { type: "jwt", jwtTokenStorageKey: TOKEN_KEY, jwtTokenStorageMethod: "local" },
})

export { FetchError }

type Query = Record<string, unknown>

/** A /vendor (or /auth) call through the SDK: JSON in, JSON out; non-2xx throws FetchError (status, message). */
export function api<T = any>(path: string, init: { method?: string; body?: unknown; query?: Query } = {}): Promise<T> {
  return sdk.client.fetch<T>(path, {
    method: init.method ?? (init.body !== undefined ? "POST" : "GET"),
    // The SDK's fetch types its body as BodyInit, but JSON-encodes a plain object itself.
    body: init.body as BodyInit | undefined,
    query: init.query,
  })
}

export const post = <T = any>(path: string, body: unknown = {}) => api<T>(path, { method: "POST", body })

/** A POST whose answer has no JSON body (e.g. 201 "Created" of the code request); non-2xx still throws. */
export async function postForStatus(path: string, body: unknown = {}): Promise<number> {
  const res = (await sdk.client.fetch<Response>(path, {
    method: "POST",
    body: body as BodyInit,
    headers: { accept: "text/plain" },
  })) as Response
  return res.status
}

/** Downloads a CSV answer (the API's format=csv) as a file. */
export async function downloadCsv(path: string, query: Query, filename: string) {
  const res = (await sdk.client.fetch<Response>(path, { query: { ...query, format: "csv" }, headers: { accept: "text/csv" } })) as Response
  const blob = await res.blob()
  const named = /filename="?([^";]+)"?/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? filename
  const url = URL.createObjectURL(blob)
  const a = document.createElement("a")
  a.href = url
  a.download = named
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export const hasToken = () => !!window.localStorage.getItem(TOKEN_KEY)
export const clearToken = () => sdk.client.clearToken()

/** A readable message for any error the API or the network gives. */
export function errorMessage(e: unknown): string {
  if (e instanceof FetchError) return e.message || `${e.status} ${e.statusText}`
  if (e instanceof Error) return e.message
  return String(e)
}
export const errorStatus = (e: unknown): number | undefined => (e instanceof FetchError ? e.status : undefined)
