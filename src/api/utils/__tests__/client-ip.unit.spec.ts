import { clientIp, ipBudgetKey, normalizeIp, parseAddressList, parseTrustProxy, resolveClientIp } from "../client-ip"

const ip = (remoteAddress: string, forwardedFor: string | undefined, trust: string | undefined) =>
  resolveClientIp({ remoteAddress, forwardedFor }, parseTrustProxy(trust))

describe("TRUST_PROXY parsing", () => {
  it("trusts nothing by default", () => {
    for (const v of [undefined, "", " ", "false", "0", "none", "NONE"]) {
      expect(parseTrustProxy(v)).toEqual({ kind: "none" })
    }
  })

  it("takes a number of hops", () => {
    expect(parseTrustProxy("2")).toEqual({ kind: "hops", hops: 2 })
  })

  it("takes addresses, CIDRs and keywords", () => {
    const t = parseTrustProxy("loopback, 10.0.0.0/8, 2001:db8::/32, 192.0.2.7")
    expect(t.kind).toBe("list")
    expect((t as any).entries).toEqual(["loopback", "10.0.0.0/8", "2001:db8::/32", "192.0.2.7/32"])
  })

  it("refuses true, which would trust a spoofed header, and anything it cannot read", () => {
    expect(() => parseTrustProxy("true")).toThrow(/TRUST_PROXY=true would trust any X-Forwarded-For/)
    expect(() => parseTrustProxy("*")).toThrow(/TRUST_PROXY=true/)
    expect(() => parseTrustProxy("10.0.0.0/33")).toThrow(/"10.0.0.0\/33" is not a number of hops/)
    expect(() => parseTrustProxy("proxy.internal")).toThrow(/is not a number of hops/)
    expect(() => parseTrustProxy("1.2.3.4/8/9")).toThrow()
    expect(() => parseAddressList("nope", "RATE_LIMIT_EXEMPT")).toThrow(/RATE_LIMIT_EXEMPT: "nope" is not an IP address/)
  })
})

describe("client IP", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(ip("203.0.113.5", undefined, undefined)).toBe("203.0.113.5")
    expect(ip("203.0.113.5", "1.1.1.1", undefined)).toBe("203.0.113.5")
    expect(ip("203.0.113.5", "1.1.1.1, 2.2.2.2", "")).toBe("203.0.113.5")
    // The IPv4-mapped form Node reports on dual-stack sockets.
    expect(ip("::ffff:203.0.113.5", "9.9.9.9", undefined)).toBe("203.0.113.5")
  })

  it("with n hops, is the entry n places from the right (what each trusted proxy appended)", () => {
    // Client 198.51.100.7 -> LB 10.0.0.2 -> Lilium. The LB appends the address it saw.
    expect(ip("10.0.0.2", "198.51.100.7", "1")).toBe("198.51.100.7")
    // A spoofed entry the client sent itself stays to the left and is ignored.
    expect(ip("10.0.0.2", "6.6.6.6, 198.51.100.7", "1")).toBe("198.51.100.7")
    // CDN -> LB -> Lilium: two hops.
    expect(ip("10.0.0.2", "6.6.6.6, 198.51.100.7, 172.16.0.9", "2")).toBe("198.51.100.7")
    // Fewer entries than hops: the leftmost one there is.
    expect(ip("10.0.0.2", "198.51.100.7", "3")).toBe("198.51.100.7")
    expect(ip("10.0.0.2", undefined, "1")).toBe("10.0.0.2")
  })

  it("with a list, walks right to left past trusted addresses only", () => {
    expect(ip("127.0.0.1", "198.51.100.7", "loopback")).toBe("198.51.100.7")
    expect(ip("10.1.2.3", "6.6.6.6, 198.51.100.7, 10.0.0.9", "10.0.0.0/8")).toBe("198.51.100.7")
    // A request that did not come through a trusted proxy: its header means nothing.
    expect(ip("203.0.113.5", "1.1.1.1", "10.0.0.0/8")).toBe("203.0.113.5")
    expect(ip("::1", "2001:db8::42", "loopback")).toBe("2001:db8::42")
    // Every hop trusted: the leftmost.
    expect(ip("10.0.0.1", "10.0.0.2", "10.0.0.0/8")).toBe("10.0.0.2")
  })

  it("never returns an entry that is not an IP address", () => {
    expect(ip("10.0.0.2", "not-an-ip", "1")).toBe("10.0.0.2")
    expect(ip("10.0.0.2", "1.2.3.4, <script>", "2")).toBe("10.0.0.2")
    expect(ip("127.0.0.1", "garbage", "loopback")).toBe("127.0.0.1")
    // Ports and brackets some proxies add are read.
    expect(ip("10.0.0.2", "198.51.100.7:5123", "1")).toBe("198.51.100.7")
    expect(ip("10.0.0.2", "[2001:db8::1]:443", "1")).toBe("2001:db8::1")
  })

  it("reads X-Forwarded-For given as several header lines", () => {
    expect(resolveClientIp({ remoteAddress: "10.0.0.2", forwardedFor: ["6.6.6.6", "198.51.100.7"] }, parseTrustProxy("1"))).toBe(
      "198.51.100.7"
    )
  })

  it("normalizes addresses", () => {
    expect(normalizeIp("::FFFF:10.0.0.1")).toBe("10.0.0.1")
    expect(normalizeIp(" 2001:DB8::1 ")).toBe("2001:db8::1")
    expect(normalizeIp("fe80::1%eth0")).toBe("fe80::1")
    expect(normalizeIp(undefined)).toBe("")
  })
})

describe("IP budget key", () => {
  it("is the address for IPv4 and the /64 for IPv6", () => {
    expect(ipBudgetKey("203.0.113.5")).toBe("203.0.113.5")
    expect(ipBudgetKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64")
    // Another address in the same /64 is the same client.
    expect(ipBudgetKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64")
    expect(ipBudgetKey("2001:0db8:0001:0003::1")).toBe("2001:db8:1:3::/64")
    expect(ipBudgetKey("::1")).toBe("0:0:0:0::/64")
    expect(ipBudgetKey("2001:db8::")).toBe("2001:db8:0:0::/64")
    expect(ipBudgetKey("64:ff9b::198.51.100.7")).toBe("64:ff9b:0:0::/64")
  })
})

describe("clientIp(req)", () => {
  const before = process.env.TRUST_PROXY
  afterEach(() => {
    if (before === undefined) delete process.env.TRUST_PROXY
    else process.env.TRUST_PROXY = before
  })
  const req = (xff?: string): any => ({
    socket: { remoteAddress: "::ffff:10.0.0.2" },
    headers: xff ? { "x-forwarded-for": xff } : {},
    scope: { resolve: () => ({ error: () => {} }) },
  })

  it("reads TRUST_PROXY at request time", () => {
    delete process.env.TRUST_PROXY
    expect(clientIp(req("6.6.6.6"))).toBe("10.0.0.2")
    process.env.TRUST_PROXY = "1"
    expect(clientIp(req("6.6.6.6"))).toBe("6.6.6.6")
    process.env.TRUST_PROXY = "uniquelocal"
    expect(clientIp(req("1.1.1.1, 6.6.6.6"))).toBe("6.6.6.6")
    // A value it cannot read trusts nothing.
    process.env.TRUST_PROXY = "true"
    expect(clientIp(req("6.6.6.6"))).toBe("10.0.0.2")
  })
})
