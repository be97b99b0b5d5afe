import scrypt from "scrypt-kdf"
import { verifyEmailpassHash } from "../steps/verify-current-password"

// @medusajs/auth-emailpass hashes with scrypt-kdf (logN 15, r 8, p 1) and stores the key as base64.
describe("verifyEmailpassHash", () => {
  it("accepts the password of a scrypt-kdf key and refuses anything else", async () => {
    const hash = (await scrypt.kdf("pässword-1 ✓", { logN: 15, r: 8, p: 1 })).toString("base64")
    expect(await verifyEmailpassHash(hash, "pässword-1 ✓")).toBe(true)
    expect(await verifyEmailpassHash(hash, "pässword-1")).toBe(false)
    expect(await verifyEmailpassHash(hash, "")).toBe(false)
  })

  it("refuses keys that are not scrypt-kdf's: wrong length, header, checksum or parameters", async () => {
    const key = await scrypt.kdf("secret-123", { logN: 10, r: 8, p: 1 })
    const tampered = (at: number) => {
      const copy = Buffer.from(key)
      copy[at] ^= 1
      return copy.toString("base64")
    }
    expect(await verifyEmailpassHash(key.toString("base64"), "secret-123")).toBe(true)
    expect(await verifyEmailpassHash("not a hash", "secret-123")).toBe(false)
    expect(await verifyEmailpassHash(tampered(0), "secret-123")).toBe(false) // header
    expect(await verifyEmailpassHash(tampered(20), "secret-123")).toBe(false) // salt: checksum fails
    expect(await verifyEmailpassHash(tampered(90), "secret-123")).toBe(false) // hmac
  })
})
