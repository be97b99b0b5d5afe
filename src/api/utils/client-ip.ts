import net from "node:net"
import type { MedusaRequest } from "@medusajs/framework/http"
import { rateLimitOption } from "../../options"

/**
 * The client address Lilium's rate limits key on, computed from the socket
 * and X-Forwarded-For according to TRUST_PROXY, and nothing else.
 *
 * Medusa 2.21's express loader calls `app.set("trust proxy", 1)`
 * unconditionally (node_modules/@medusajs/framework/dist/http/express-loader.js),
 * so `req.ip` is the last X-Forwarded-For entry of ANY request: a client that
 * talks to the server directly can put any address there and get a fresh
 * budget per request. So the limiter does not use `req.ip`.
 *
 * TRUST_PROXY (docs/deployment.md; docs/decisions.md, "Rate limits"):
 *   unset, "", "false", "0", "none"   trust nothing: the socket's peer is the client
 *   a number n ≥ 1                    n proxies in front (each appends one entry)
 *   a comma list of addresses/CIDRs   trust hops whose address is listed; the
 *     and the keywords loopback,      client is the first untrusted address,
 *     linklocal, uniquelocal          reading X-Forwarded-For right to left
 *   "true"                            refused: it would trust a spoofed header
 */

export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "list"; list: net.BlockList; entries: string[] }

const KEYWORDS: Record<string, [string, number][]> = {
  loopback: [
    ["127.0.0.0", 8],
    ["::1", 128],
  ],
  linklocal: [
    ["169.254.0.0", 16],
    ["fe80::", 10],
  ],
  uniquelocal: [
    ["10.0.0.0", 8],
    ["172.16.0.0", 12],
    ["192.168.0.0", 16],
    ["fc00::", 7],
  ],
}

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const raw = (value ?? "").trim().toLowerCase()
  if (raw === "" || raw === "false" || raw === "0" || raw === "none") return { kind: "none" }
  if (/^\d+$/.test(raw)) return { kind: "hops", hops: Number(raw) }
  if (raw === "true" || raw === "*") {
    throw new Error(
      "TRUST_PROXY=true would trust any X-Forwarded-For header, so every client could pick its own address. " +
        "Set the number of proxies in front of Lilium (e.g. TRUST_PROXY=1) or their addresses (e.g. TRUST_PROXY=10.0.0.0/8)."
    )
  }
  const parsed = parseAddressList(raw, "TRUST_PROXY")
  if (!parsed) return { kind: "none" }
  return { kind: "list", ...parsed }
}

/**
 * A comma list of IP addresses, CIDRs and the keywords loopback, linklocal,
 * uniquelocal, as a BlockList (null when empty). Throws on anything else.
 */
export function parseAddressList(value: string | undefined, name: string): { list: net.BlockList; entries: string[] } | null {
  const list = new net.BlockList()
  const entries: string[] = []
  for (const item of (value ?? "")
    .toLowerCase()
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (KEYWORDS[item]) {
      for (const [addr, prefix] of KEYWORDS[item]) list.addSubnet(addr, prefix, net.isIP(addr) === 6 ? "ipv6" : "ipv4")
      entries.push(item)
      continue
    }
    const [addrPart, prefixPart, extra] = item.split("/")
    const addr = normalizeIp(addrPart)
    const family = net.isIP(addr)
    const maxPrefix = family === 4 ? 32 : 128
    const prefix = prefixPart === undefined ? maxPrefix : /^\d+$/.test(prefixPart) ? Number(prefixPart) : NaN
    if (!family || extra !== undefined || !(prefix >= 0 && prefix <= maxPrefix)) {
      throw new Error(
        `${name}: "${item}" is not ${name === "TRUST_PROXY" ? "a number of hops, " : ""}an IP address, a CIDR or one of loopback, linklocal, uniquelocal.`
      )
    }
    list.addSubnet(addr, prefix, family === 4 ? "ipv4" : "ipv6")
    entries.push(`${addr}/${prefix}`)
  }
  return entries.length ? { list, entries } : null
}

/** Strips an IPv4-mapped IPv6 prefix, brackets and a port; lower-cases. */
export function normalizeIp(value: string | undefined | null): string {
  let v = String(value ?? "")
    .trim()
    .toLowerCase()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v)
  if (bracketed) v = bracketed[1]
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(v)
  if (v4WithPort) v = v4WithPort[1]
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(v)
  if (mapped) v = mapped[1]
  const zone = v.indexOf("%")
  if (zone > 0 && net.isIP(v.slice(0, zone)) === 6) v = v.slice(0, zone)
  return v
}

function isTrusted(trust: Extract<TrustProxy, { kind: "list" }>, addr: string) {
  const family = net.isIP(addr)
  if (!family) return false
  return trust.list.check(addr, family === 4 ? "ipv4" : "ipv6")
}

/**
 * The client's address: the socket's peer, or with trusted proxies the
 * address the nearest untrusted hop connected from. An entry that is not an
 * IP address is never returned (the last valid hop before it is).
 */
export function resolveClientIp(
  input: { remoteAddress?: string | null; forwardedFor?: string | string[] | null },
  trust: TrustProxy
): string {
  const remote = normalizeIp(input.remoteAddress) || "unknown"
  if (trust.kind === "none") return remote
  const header = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : (input.forwardedFor ?? "")
  // Nearest hop first: the socket, then X-Forwarded-For right to left.
  const chain = [remote, ...header.split(",").map(normalizeIp).filter(Boolean).reverse()]
  let i = 0
  if (trust.kind === "hops") {
    const target = Math.min(trust.hops, chain.length - 1)
    while (i < target && net.isIP(chain[i + 1])) i++
    return chain[i]
  }
  while (i < chain.length - 1 && isTrusted(trust, chain[i]) && net.isIP(chain[i + 1])) i++
  return chain[i]
}

/**
 * The part of an address a budget belongs to: an IPv4 address, or the /64
 * of an IPv6 address (one subscriber usually gets a whole /64, so single
 * addresses would give one client 2^64 budgets).
 */
export function ipBudgetKey(ip: string): string {
  if (net.isIP(ip) !== 6) return ip
  return `${expandIpv6(ip).slice(0, 4).join(":")}::/64`
}

function expandIpv6(ip: string): string[] {
  let addr = ip
  // An embedded IPv4 tail (::ffff:1.2.3.4 is normalized away before; 64:ff9b::1.2.3.4 is not).
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(addr)
  if (v4) {
    const [a, b, c, d] = v4[1].split(".").map(Number)
    addr = addr.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = addr.split("::")
  const h = head ? head.split(":") : []
  const t = tail !== undefined && tail !== "" ? tail.split(":") : []
  const fill = tail === undefined ? [] : Array(8 - h.length - t.length).fill("0")
  return [...h, ...fill, ...t].map((g) => parseInt(g, 16).toString(16))
}

// ---- per request ----------------------------------------------------------------

const logger = (req: MedusaRequest): any => {
  try {
    return req.scope?.resolve("logger") ?? console
  } catch {
    return console
  }
}

let trustCache: { raw: string | undefined; trust: TrustProxy } | undefined
let trustErrorLogged = false
/** TRUST_PROXY, parsed once per value. An invalid value trusts nothing (logged once). */
export function trustProxy(req?: MedusaRequest): TrustProxy {
  const option = rateLimitOption("trustProxy")
  const raw = option === undefined ? process.env.TRUST_PROXY : String(option)
  if (trustCache && trustCache.raw === raw) return trustCache.trust
  let trust: TrustProxy
  try {
    trust = parseTrustProxy(raw)
  } catch (e: any) {
    trust = { kind: "none" }
    if (!trustErrorLogged) {
      trustErrorLogged = true
      ;(req ? logger(req) : console)?.error?.(`${e.message} Trusting no proxy until it is fixed.`)
    }
  }
  trustCache = { raw, trust }
  return trust
}

/** The client address of a request, per TRUST_PROXY. Use this, not `req.ip` (see above). */
export function clientIp(req: MedusaRequest): string {
  return resolveClientIp({ remoteAddress: req.socket?.remoteAddress, forwardedFor: req.headers["x-forwarded-for"] }, trustProxy(req))
}
