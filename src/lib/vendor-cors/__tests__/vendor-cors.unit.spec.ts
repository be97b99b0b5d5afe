import { addVendorOriginsToAuthCors, authCorsWithoutVendorOrigins, corsOrigins, originAllowed } from ".."

describe("vendor CORS origins", () => {
  it("parses VENDOR_CORS as Medusa parses STORE_CORS: origins and whole-value regexes", () => {
    const origins = corsOrigins("https://vendors.example.com, /^https:\\/\\/panel-[a-z]+\\.example\\.org$/")
    expect(originAllowed("https://vendors.example.com", origins)).toBe(true)
    expect(originAllowed("https://panel-preview.example.org", origins)).toBe(true)
    expect(originAllowed("https://panel-preview.example.org.evil.net", origins)).toBe(false)
    expect(originAllowed("https://vendors.example.com.evil.net", origins)).toBe(false)
    expect(originAllowed(undefined, origins)).toBe(false)
    expect(corsOrigins("")).toEqual([])
    expect(corsOrigins(undefined)).toEqual([])
  })

  it("adds the vendor origins to Medusa's authCors once, remembering the operator's list", () => {
    const http = { authCors: "http://localhost:9000" }
    addVendorOriginsToAuthCors(http, "https://vendors.example.com")
    addVendorOriginsToAuthCors(http, "https://vendors.example.com")
    expect(http.authCors).toBe("http://localhost:9000,https://vendors.example.com")
    expect(authCorsWithoutVendorOrigins()).toBe("http://localhost:9000")
    const empty: { authCors?: string } = {}
    addVendorOriginsToAuthCors(empty, "https://vendors.example.com")
    expect(empty.authCors).toBe("https://vendors.example.com")
  })
})
